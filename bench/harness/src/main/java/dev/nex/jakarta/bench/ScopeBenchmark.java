package dev.nex.jakarta.bench;

import java.util.Map;
import java.util.UUID;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.nex.jakarta.impl.page.BenchRequests;
import dev.nex.jakarta.impl.state.PageBinding;

/** A {@code @PageScoped} bean's method called through its client proxy, against {@code @ApplicationScoped}. */
@State(Scope.Thread)
public class ScopeBenchmark {

    private NexInWeld nex;
    private PageBinding request;
    private ScopedTallies.PageTally page;
    private ScopedTallies.ApplicationTally application;
    private ScopedTallies.RequestTally perRequest;

    @Setup(Level.Trial)
    public void start() {
        nex = new NexInWeld(Map.of(), ScopedTallies.PageTally.class, ScopedTallies.ApplicationTally.class,
                ScopedTallies.RequestTally.class);
        request = BenchRequests.enterNewPage(nex.registry(), nex.ids(), UUID.randomUUID().toString());
        nex.activateRequestContext();
        page = nex.bean(ScopedTallies.PageTally.class);
        application = nex.bean(ScopedTallies.ApplicationTally.class);
        perRequest = nex.bean(ScopedTallies.RequestTally.class);
        page.increment(); // the page's instance exists: what follows measures calls, not creation
    }

    @TearDown(Level.Trial)
    public void stop() {
        BenchRequests.exit(request);
        nex.close();
    }

    @Benchmark
    public int pageScoped() {
        return page.increment();
    }

    @Benchmark
    public int applicationScoped() {
        return application.increment();
    }

    @Benchmark
    public int requestScoped() {
        return perRequest.increment();
    }
}
