package cn.jiangmen.innovation.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the gateway under test and the machine's shared Redis that a test can cut
 * and restore: a Redis outage (a network blip, a failover) without stopping the Redis other
 * builds use. While cut, connecting is refused and open connections are closed; the data in Redis
 * stays, as it would in a real blip.
 */
public final class RedisLink implements AutoCloseable {

	private final String redisHost;

	private final int redisPort;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	public RedisLink(String redisHost, int redisPort) {
		this.redisHost = redisHost;
		this.redisPort = redisPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			this.port = probe.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		restore();
	}

	public int port() {
		return port;
	}

	public synchronized void restore() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			listener = socket;
			Thread acceptor = new Thread(() -> accept(socket), "redis-link-accept");
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public synchronized void cut() {
		closeQuietly(listener);
		open.forEach(RedisLink::closeQuietly);
		open.clear();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket redis = new Socket(redisHost, redisPort);
				open.add(client);
				open.add(redis);
				pump(client, redis);
				pump(redis, client);
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ended) {
				// cut, or one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "redis-link-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
	}

}
