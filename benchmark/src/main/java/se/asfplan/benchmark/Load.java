package se.asfplan.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an operation from a number of client threads for a while and counts what completed: operations per second
 * and the latency of each. Client {@code i} gets its own index so that clients work on distinct aggregates.
 */
final class Load {

    @FunctionalInterface
    interface Operation {
        void run(int client, long iteration) throws Exception;
    }

    record Result(int clients, double seconds, long operations, long failures, Latencies latencies) {
        double perSecond() {
            return operations / seconds;
        }

        double p50() {
            return latencies.percentileMillis(50);
        }
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private volatile Throwable firstFailure;
    private long started;

    /** Measures {@code clients} threads running {@code operation} for {@code seconds}, after a short warm-up. */
    static Result measure(int clients, double seconds, Operation operation) throws InterruptedException {
        Load warmUp = start(clients, operation);
        Thread.sleep(Math.min(3000, (long) (seconds * 300)));
        warmUp.stop();
        Load load = start(clients, operation);
        Thread.sleep((long) (seconds * 1000));
        return load.stop();
    }

    static Load start(int clients, Operation operation) {
        Load load = new Load();
        load.started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> load.loop(client, operation), "load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void loop(int client, Operation operation) {
        long iteration = 0;
        while (!stop.get()) {
            long t0 = System.nanoTime();
            try {
                operation.run(client, iteration++);
                if (!stop.get()) {
                    latencies.add(System.nanoTime() - t0);
                    operations.incrementAndGet();
                }
            } catch (Exception | Error e) {
                failures.incrementAndGet();
                if (firstFailure == null) {
                    firstFailure = e;
                    System.out.println("    first failure of " + Thread.currentThread().getName() + ": " + e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    Result stop() throws InterruptedException {
        stop.set(true);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        return new Result(threads.size(), seconds, operations.get(), failures.get(), latencies);
    }
}
