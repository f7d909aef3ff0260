package dev.nex.jakarta.tck.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;


/** A server process of a test cluster, started by this JVM; its console goes to a log file for post-mortems. */
final class ServerNode implements ClusterNode {

    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    private final String name;
    private final List<String> command;
    private final URI base;
    private final Path log;
    private final String readyPath;
    private final Path scratch;
    private final Deployments deployments;
    private volatile Process process;

    private ServerNode(String name, List<String> command, URI base, Path log, String readyPath, Path scratch,
            Deployments deployments) {
        this.name = name;
        this.command = List.copyOf(command);
        this.base = base;
        this.log = log;
        this.readyPath = readyPath;
        this.scratch = scratch;
        this.deployments = deployments;
    }

    /**
     * Where a node's server finds its WARs at start, and how a WAR is made ready for it (the implementation under
     * test added): an upgrade writes the next version there.
     */
    record Deployments(Path folder, UnaryOperator<WebArchive> prepare) {

        /** A copy of {@code war} prepared, written to the folder (in place of the WAR of the same name). */
        Path write(WebArchive war) throws IOException {
            Files.createDirectories(folder);
            Path file = folder.resolve(war.getName());
            try (Stream<Path> markers = Files.list(folder)) { // a deployment scanner's, about the WAR replaced
                for (Path marker : (Iterable<Path>) markers::iterator) {
                    if (marker.getFileName().toString().startsWith(war.getName() + ".")) {
                        Files.delete(marker);
                    }
                }
            }
            WebArchive copy = ShrinkWrap.create(WebArchive.class, war.getName()).merge(war);
            prepare.apply(copy).as(ZipExporter.class).exportTo(file.toFile(), true);
            return file;
        }
    }

    /**
     * Starts {@code command} and returns once {@code base} answers {@code readyPath} with 200. A server that keeps
     * its instance in {@code scratch} (or {@code null}) and deploys its applications on every start gets the
     * directory emptied before each start, so a restarted server does not first serve what it kept and then
     * redeploy it.
     */
    static ServerNode start(String name, List<String> command, Path log, URI base, String readyPath, Path scratch,
            Deployments deployments) throws IOException, InterruptedException {
        ServerNode node = new ServerNode(name, command, base, log, readyPath, scratch, deployments);
        // a test JVM that is stopped early (a build timeout, Ctrl-C) leaves no server behind
        Runtime.getRuntime().addShutdownHook(new Thread(node::kill, "stop " + name));
        node.launch(ProcessBuilder.Redirect.to(log.toFile()));
        return node;
    }

    @Override
    public void restart() throws IOException, InterruptedException {
        close();
        launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    @Override
    public void upgrade(WebArchive next) throws IOException, InterruptedException {
        close();
        deployments.write(next);
        launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private void launch(ProcessBuilder.Redirect output) throws IOException, InterruptedException {
        if (scratch != null) {
            ClusterWorkspace.delete(scratch);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve(readyPath)).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " did not serve " + base.resolve(readyPath) + " within "
                + START_LIMIT + "; see " + log);
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public void kill() {
        List<ProcessHandle> server = tree(); // the server JVM itself, not only the launch script
        server.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        waitForExit(server, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> server = tree();
        server.forEach(ProcessHandle::destroy);
        if (!waitForExit(server, Duration.ofSeconds(30))) {
            kill();
        }
    }

    /** The launched process and its descendants, taken before any exits: a dead script has no descendants. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> processes = new ArrayList<>(process.descendants().toList());
        processes.add(process.toHandle());
        return processes;
    }

    private static boolean waitForExit(List<ProcessHandle> processes, Duration limit) {
        try {
            for (ProcessHandle each : processes) {
                each.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " at " + base;
    }
}
