package dev.nex.jakarta.bench;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs the JMH benchmarks (average time per operation, one fork each, two for the contended one) and records ns/op per benchmark and thread
 * count in {@code jmh.properties}: keys {@code <Class>.<method>.<threads>t} and the same with {@code .error}
 * (the 99.9% confidence half-width). {@code -Dbench.quick=true} shortens every run, for trying the harness out.
 */
public final class Microbenchmarks {

    public static void main(String[] args) throws RunnerException {
        Results results = Results.of("jmh");
        run(results, StoreBenchmark.class, 1);
        run(results, StoreBenchmark.class, 2);
        run(results, ContendedUpdateBenchmark.class, 2); // two forks: contention on 2 cores varies from run to run
        run(results, ScopeBenchmark.class, 1);
        results.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        results.save();
    }

    private static void run(Results results, Class<?> benchmark, int threads) throws RunnerException {
        boolean quick = Boolean.getBoolean("bench.quick");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .threads(threads)
                .forks(benchmark == ContendedUpdateBenchmark.class ? 2 : 1)
                .warmupIterations(quick ? 1 : 4)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 6)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true); // a benchmark that cannot run stops the run: no blank figures
        Collection<RunResult> runs = new Runner(options.build()).run();
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark();
            String key = benchmark.getSimpleName() + method.substring(method.lastIndexOf('.')) + "." + threads + "t";
            Result<?> score = run.getPrimaryResult();
            results.put(key, score.getScore());
            results.put(key + ".error", score.getScoreError());
        }
    }
}
