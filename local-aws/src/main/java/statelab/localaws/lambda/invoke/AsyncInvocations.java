package statelab.localaws.lambda.invoke;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import statelab.localaws.edge.AwsException;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.lambda.runtime.ThrottledException;

/**
 * Invoke with {@code InvocationType: Event}: accepted at once (202), run in the background. A throttled event is
 * retried with back-off, as Lambda keeps throttled events queued; a function error is not retried (local-aws does
 * not emulate Lambda's two asynchronous retries or destinations: the error is in the function's log).
 */
public final class AsyncInvocations implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AsyncInvocations.class.getName());
    private static final int MAX_THROTTLED_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 500;

    private final Invoker invoker;
    private final ExecutorService executor;
    private volatile boolean closed;

    public AsyncInvocations(Invoker invoker) {
        this.invoker = invoker;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-event-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void submit(FunctionRecord function, String invokedArn, String requestId, byte[] payload) {
        try {
            executor.execute(() -> run(function, invokedArn, requestId, payload));
        } catch (RejectedExecutionException e) {
            throw new AwsException(500, "ServiceException", "Lambda is shutting down");
        }
    }

    private void run(FunctionRecord function, String invokedArn, String requestId, byte[] payload) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; attempt <= MAX_THROTTLED_ATTEMPTS && !closed; attempt++) {
            try {
                invoker.invoke(function, invokedArn, requestId, payload, null);
                return;
            } catch (ThrottledException e) {
                sleep(backoff);
                backoff *= 2;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event " + requestId + " for " + function.name()
                        + " could not run: " + e.getMessage());
                return;
            }
        }
        LOG.log(System.Logger.Level.WARNING, "event " + requestId + " for " + function.name()
                + " dropped: the function stayed throttled");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
