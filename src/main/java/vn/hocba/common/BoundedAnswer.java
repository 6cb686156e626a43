package vn.hocba.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An upstream service's answer read into memory, but never more than a limit: a broken or
 * compromised service (the national store, a CA's signing, time-stamping or revocation service, a
 * phone-approval provider) could otherwise make the server hold any amount. An answer that declares
 * a larger {@code Content-Length} is refused before its body is read; one that streams on (chunked,
 * no length) is cut off as soon as it passes the limit. Either way {@link #send} throws
 * {@link AnswerTooLargeException} naming the service and the limit, and the connection is dropped. One that
 * trickles (a byte now and then) is cut off when the time for the answer is over ({@link #send}).
 */
public final class BoundedAnswer implements HttpResponse.BodyHandler<byte[]> {

    private final String upstream;
    private final long limit;
    private final String setting;

    /**
     * @param upstream names the service in the refusal, e.g. "Kho học bạ số https://…/"
     * @param limit    the most bytes accepted
     * @param setting  the setting that changes the limit (named in the refusal), or null
     */
    public BoundedAnswer(String upstream, long limit, String setting) {
        if (limit < 1) {
            throw new IllegalArgumentException("answer limit must be positive: " + limit);
        }
        this.upstream = upstream;
        this.limit = limit;
        this.setting = setting;
    }

    /**
     * {@link HttpClient#send} with this handler, and a deadline for the whole answer: the request's time-out
     * covers only the wait for the headers (a service sending its body a byte at a time held the thread for as
     * long as it liked), so the body gets as long again, and then the exchange is cancelled with an
     * {@link HttpTimeoutException} naming the service. An answer over the limit throws the
     * {@link AnswerTooLargeException}.
     */
    public HttpResponse<byte[]> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, this);
        try {
            if (request.timeout().isEmpty()) {
                return answer.get();
            }
            return answer.get(request.timeout().get().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            throw new HttpTimeoutException(upstream + " gửi câu trả lời quá chậm: chưa xong sau "
                    + request.timeout().get().multipliedBy(2).toSeconds() + " giây");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Collecting(declared);
    }

    private AnswerTooLargeException tooLarge(String how) {
        return new AnswerTooLargeException(upstream + " gửi câu trả lời" + how + " vượt quá giới hạn "
                + AnswerTooLargeException.size(limit) + (setting == null ? "" : " (" + setting + ")"), limit);
    }

    /** Collects the body up to the limit; past it, cancels the transfer and fails. */
    private final class Collecting implements HttpResponse.BodySubscriber<byte[]> {

        private final long declared;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        Collecting(long declared) {
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > limit) {
                subscription.cancel();
                body.completeExceptionally(tooLarge(" dài " + AnswerTooLargeException.size(declared) + ","));
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > limit) {
                    subscription.cancel();
                    body.completeExceptionally(tooLarge(""));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
