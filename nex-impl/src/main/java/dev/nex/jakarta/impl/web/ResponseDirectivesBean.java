package dev.nex.jakarta.impl.web;

import jakarta.enterprise.context.RequestScoped;

import dev.nex.jakarta.Directive;
import dev.nex.jakarta.ResponseDirectives;

/** The directives collected for the current response. */
@RequestScoped
public class ResponseDirectivesBean implements ResponseDirectives {

    private Directive merged = Directive.none();

    @Override
    public synchronized void add(Directive directive) {
        merged = merged.and(directive);
    }

    @Override
    public synchronized Directive merged() {
        return merged;
    }
}
