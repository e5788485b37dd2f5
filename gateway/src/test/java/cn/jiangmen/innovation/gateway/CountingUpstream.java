package cn.jiangmen.innovation.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An upstream for resilience tests (JDK HttpServer) that counts the requests it receives per
 * method and path: a path containing {@code /fail} answers 500, one containing {@code /slow}
 * answers after {@code slowBy}; anything else 200 JSON.
 */
public final class CountingUpstream implements AutoCloseable {

	private final HttpServer server;

	private final Duration slowBy;

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private CountingUpstream(HttpServer server, Duration slowBy) {
		this.server = server;
		this.slowBy = slowBy;
	}

	public static CountingUpstream start(Duration slowBy) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			// slow answers must not hold up the others
			server.setExecutor(Executors.newCachedThreadPool());
			CountingUpstream upstream = new CountingUpstream(server, slowBy);
			server.createContext("/", upstream::handle);
			server.start();
			return upstream;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A port nothing listens on: a service that is down. */
	public static String closedPortUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public int hits(String method, String path) {
		AtomicInteger count = hits.get(method + " " + path);
		return (count == null) ? 0 : count.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.readAllBytes();
		}
		String path = exchange.getRequestURI().getRawPath();
		hits.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
		int status = 200;
		if (path.contains("/fail")) {
			status = 500;
		}
		else if (path.contains("/slow")) {
			try {
				Thread.sleep(slowBy.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] body = ("{\"path\":\"" + path + "\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
		}
		catch (IOException gatewayGaveUp) {
			// the gateway closed the connection after its response timeout
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
