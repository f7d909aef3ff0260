package dev.nex.jakarta.impl.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ResourceInfo;

import dev.nex.jakarta.Layout;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageBinding;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/**
 * Wraps full pages in their layout (SPEC 7.1, 7.2) with whatever engines render the page and the layout: it
 * takes every view first and hands it to the engine that would have rendered it; for a full page with a layout,
 * it renders the page into memory that way, then the layout with the page as {@code innerContent} (and all
 * models) into the response.
 * The layout is the method's {@link Layout}, else the class's, else {@code nex.layout}, else none.
 * <p>
 * An htmx action's view is followed by the out-of-band fragments the action added (SPEC 11.3): each rendered
 * into memory by its own engine with the same models, its first element marked with {@code hx-swap-oob}.
 */
@ApplicationScoped
@Priority(ViewEngine.PRIORITY_APPLICATION + 1000) // ahead of every engine an application may add
public class LayoutViewEngine implements ViewEngine {

    @Inject
    @Any
    Instance<ViewEngine> engines;

    private volatile List<ViewEngine> otherEngines;

    @Inject
    NexSettings settings;

    @Inject
    BeanManager beans;

    private volatile ExistingInstance<OutOfBandBean> outOfBand;

    /**
     * Every view: Jakarta MVC implementations may cache the engine chosen for a view name (Krazo does), so
     * whether to wrap is decided per request, in {@link #processView}.
     */
    @Override
    public boolean supports(String view) {
        return true;
    }

    @Override
    public void processView(ViewEngineContext context) throws ViewEngineException {
        PageBinding binding = PageBindingHolder.current();
        boolean fullPage = binding != null && binding.isNew(); // actions are never wrapped
        Optional<String> layout = fullPage ? layoutOf(context.getResourceInfo()) : Optional.empty();
        HttpServletResponse response = context.getResponse(HttpServletResponse.class);
        ViewResponse output = ViewResponse.into(response, context.getOutputStream());
        if (layout.isEmpty()) {
            render(context, context.getView(), output);
            if (!fullPage) {
                renderOutOfBand(context, response, output);
            }
            return;
        }
        ViewResponse page = ViewResponse.inMemory(response);
        render(context, context.getView(), page);
        context.getModels().put(Layout.INNER_CONTENT, page.text());
        render(context, layout.get(), output);
    }

    private void render(ViewEngineContext context, String view, ViewResponse into) throws ViewEngineException {
        engineFor(view).processView(new RenderingContext(context, view, into));
        into.flushBuffer();
    }

    /** The fragments the htmx action added, after its view; none for other requests, which would show them inline. */
    private void renderOutOfBand(ViewEngineContext context, HttpServletResponse response, ViewResponse output)
            throws ViewEngineException {
        ExistingInstance<OutOfBandBean> lookup = outOfBand;
        if (lookup == null) {
            lookup = new ExistingInstance<>(beans, OutOfBandBean.class);
            outOfBand = lookup;
        }
        OutOfBandBean added = lookup.get();
        HttpServletRequest request = context.getRequest(HttpServletRequest.class);
        if (added == null || !"true".equals(request.getHeader("HX-Request"))) {
            return;
        }
        Charset charset = Charset.forName(output.getCharacterEncoding());
        for (OutOfBandBean.Fragment fragment : added.fragments()) {
            ViewResponse rendered = ViewResponse.inMemory(response);
            render(context, fragment.view(), rendered);
            String marked = OutOfBandMarkup.mark(rendered.text(), fragment.swap(), fragment.view());
            try {
                // the stream, not the writer: a container may have closed the writer after the view's forward
                context.getOutputStream().write(marked.getBytes(charset));
            } catch (IOException e) {
                throw new ViewEngineException(e);
            }
        }
    }

    private Optional<String> layoutOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Layout declared = method == null ? null : method.getAnnotation(Layout.class);
        if (declared == null && method != null) {
            declared = resource.getResourceClass().getAnnotation(Layout.class);
        }
        if (declared != null) {
            return declared.value().equals(Layout.NONE) ? Optional.empty() : Optional.of(declared.value());
        }
        return settings.layout();
    }

    /** The engine Jakarta MVC would pick for {@code view}: the highest priority one that supports it. */
    private ViewEngine engineFor(String view) throws ViewEngineException {
        for (ViewEngine engine : otherEngines()) {
            if (engine.supports(view)) {
                return engine;
            }
        }
        throw new ViewEngineException("No view engine supports " + view);
    }

    /** The other engines by falling priority, looked up once: the set is fixed once the application is deployed. */
    private List<ViewEngine> otherEngines() {
        List<ViewEngine> found = otherEngines;
        if (found == null) {
            found = engines.handlesStream()
                    .filter(handle -> !handle.getBean().getBeanClass().equals(LayoutViewEngine.class))
                    .sorted(Comparator.comparingInt((Instance.Handle<ViewEngine> handle) -> priority(
                            handle.getBean().getBeanClass())).reversed())
                    .map(Instance.Handle::get)
                    .toList();
            otherEngines = found;
        }
        return found;
    }

    private static int priority(Class<?> engine) {
        Priority priority = engine.getAnnotation(Priority.class);
        return priority == null ? ViewEngine.PRIORITY_APPLICATION : priority.value();
    }
}
