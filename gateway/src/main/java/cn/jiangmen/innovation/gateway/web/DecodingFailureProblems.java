package cn.jiangmen.innovation.gateway.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;

/**
 * Reactor Netty refuses a request whose headers exceed {@code server.max-http-request-header-size}
 * (431) or whose request line is too long (414) while decoding it, before Spring sees anything,
 * with an empty body. This puts the edge's problem+json into that answer. The request's
 * {@code Accept-Language} was never decoded, so the text is the default zh-CN.
 */
final class DecodingFailureProblems extends ChannelDuplexHandler {

	private static final String NAME = "jiangmen.decodingFailureProblems";

	private final EdgeErrorResponses responses;

	private DecodingFailureProblems(EdgeErrorResponses responses) {
		this.responses = responses;
	}

	static NettyServerCustomizer customizer(EdgeErrorResponses responses) {
		return server -> server.doOnChannelInit((observer, channel, remote) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NAME) == null) {
				pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new DecodingFailureProblems(responses));
			}
		});
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
				&& (response.status().code() == 431 || response.status().code() == 414)) {
			byte[] body = responses.problemJson(EdgeError.of(HttpStatus.valueOf(response.status().code())),
					EdgeLanguage.CHINESE, null).getBytes(StandardCharsets.UTF_8);
			FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
					Unpooled.wrappedBuffer(body));
			problem.headers().set(response.headers());
			problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
			problem.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
			problem.headers().set(HttpHeaderNames.CONTENT_LANGUAGE, EdgeLanguage.CHINESE.toLanguageTag());
			response.release();
			ctx.write(problem, promise);
			return;
		}
		ctx.write(msg, promise);
	}

}
