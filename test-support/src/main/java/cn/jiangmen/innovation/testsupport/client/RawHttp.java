package cn.jiangmen.innovation.testsupport.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, byte for byte: for the malformed requests an attacker sends
 * and that {@link java.net.http.HttpClient} refuses to build (encoded NUL in the path, "..", bad
 * percent escapes, broken multipart bodies).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** The status code and the raw response (headers and body) of one request on a fresh connection. */
	public record Answer(int status, String text) {

		public boolean isProblemJson() {
			return this.text.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json");
		}

		public String body() {
			int end = this.text.indexOf("\r\n\r\n");
			return end < 0 ? "" : this.text.substring(end + 4);
		}

	}

	public static Answer send(int port, String method, String target, String bearerToken, String contentType,
			byte[] body) {
		StringBuilder head = new StringBuilder()
			.append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
			.append("Host: localhost:").append(port).append("\r\n")
			.append("Accept: application/json\r\n")
			.append("Connection: close\r\n");
		if (bearerToken != null) {
			head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
		}
		if (contentType != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			String text = answer.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new Answer(status, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
