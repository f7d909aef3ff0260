package dev.nex.jakarta.impl.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code ${nexScript}}: places the page script where a template wants it (SPEC 7.7); nothing is injected then.
 * <pre>{@code <body> ... ${nexScript} </body>}</pre>
 * In Facelets: {@code <h:outputText value="#{nexScript}" escape="false"/>}. Under a CSP with nonces, set
 * the request attribute {@value PageScript#NONCE_ATTRIBUTE} to the nonce.
 */
@Named("nexScript")
@RequestScoped
public class ScriptHelper {

    @Inject
    PageScript script;

    @Override
    public String toString() {
        return script.place(null);
    }
}
