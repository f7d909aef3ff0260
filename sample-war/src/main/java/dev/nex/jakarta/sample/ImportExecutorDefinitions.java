package dev.nex.jakarta.sample;

import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;

/**
 * Defines the executor the import runs on. Its context service propagates every context it does not clear, the
 * page's among them, so the import's task works on the page of the action that started it. A servlet carries the
 * definitions because a servlet is where all four servers read them; it serves nothing itself.
 */
@WebServlet("/import/executor")
@ContextServiceDefinition(name = ImportExecutorDefinitions.CONTEXT)
@ManagedExecutorDefinition(name = ImportExecutorDefinitions.EXECUTOR, context = ImportExecutorDefinitions.CONTEXT)
public class ImportExecutorDefinitions extends HttpServlet {

    static final String CONTEXT = "java:app/concurrent/PageContext";
    static final String EXECUTOR = "java:app/concurrent/PageExecutor";
    private static final long serialVersionUID = 1L;
}
