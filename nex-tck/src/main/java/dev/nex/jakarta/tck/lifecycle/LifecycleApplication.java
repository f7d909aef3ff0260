package dev.nex.jakarta.tck.lifecycle;

import java.util.Map;

import jakarta.mvc.form.FormMethodOverwriter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * No CSRF property on purpose: Nex makes CSRF protection implicit (SPEC 7.6). Jakarta MVC's hidden form method
 * is on, as an application using it would have it.
 */
@ApplicationPath("app")
public class LifecycleApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(FormMethodOverwriter.FORM_METHOD_OVERWRITE, FormMethodOverwriter.Options.ENABLED);
    }
}
