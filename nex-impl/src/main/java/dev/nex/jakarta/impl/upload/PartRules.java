package dev.nex.jakarta.impl.upload;

import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.ServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.EntityPart;

import dev.nex.jakarta.PartType;

/**
 * What a resource method takes from a {@code multipart/form-data} body, read from its {@code @FormParam}s (directly
 * or in a {@code @BeanParam}): for each part name the media types it accepts. JAX-RS 3.1 carries parts to
 * {@code EntityPart}, {@code InputStream} and {@code String} only; the runtimes disagree on any other type (one
 * refuses a valid number, another converts an image to 0), so a method with one takes no multipart at all.
 */
public final class PartRules {

    private static final String ATTRIBUTE = PartRules.class.getName();
    /** RFC 9110, 5.6.2. */
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final MediaRange ANY = new MediaRange("*", "*");
    private static final MediaRange ANY_TEXT = new MediaRange("text", "*");
    /** RFC 7578, 4.4: a part without {@code Content-Type} is text. */
    private static final MediaRange UNDECLARED = new MediaRange("text", "plain");

    /** Part name → the types it may declare; a name not in here is not read by the method. */
    private final Map<String, List<MediaRange>> accepted = new HashMap<>();
    private final List<String> untakeable = new ArrayList<>();
    /** The names of the parts read as files: without one, Jersey (GlassFish) fails where the others pass null. */
    private final Set<String> files = new HashSet<>();

    private PartRules() {
    }

    static PartRules of(Method method) {
        PartRules rules = new PartRules();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                BeanParamMember.allOf(parameter.getType()).stream().filter(member -> member.type() != null)
                        .forEach(member -> rules.add(member.element(), member.type()));
            } else {
                rules.add(parameter, parameter.getType());
            }
        }
        return rules;
    }

    /**
     * What keeps the resource methods of {@code resource} from reading uploads the same way on every server: a
     * {@code @PartType} that names no media type, and an {@code EntityPart} or {@code InputStream} in a
     * {@code @BeanParam} (RESTEasy leaves it null); empty if nothing does.
     */
    public static List<String> problemsOf(Class<?> resource) {
        List<String> problems = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(BeanParam.class)) {
                    for (BeanParamMember member : BeanParamMember.allOf(parameter.getType())) {
                        if (member.element().isAnnotationPresent(FormParam.class) && isStream(member.type())) {
                            problems.add(member.element() + " in a @BeanParam of " + method
                                    + ": take the part as a parameter of the method, where every server fills it");
                        }
                        problems.addAll(partTypeProblems(member.element()));
                    }
                } else {
                    problems.addAll(partTypeProblems(parameter));
                }
            }
        }
        return problems;
    }

    private static List<String> partTypeProblems(AnnotatedElement element) {
        PartType declared = element.getAnnotation(PartType.class);
        return declared == null ? List.of() : Stream.of(declared.value())
                .filter(value -> MediaRange.parse(value).isEmpty())
                .map(value -> "@PartType(\"" + value + "\") of " + element + " names no media type").toList();
    }

    private static boolean isStream(Class<?> type) {
        return type == EntityPart.class || type == InputStream.class;
    }

    private void add(AnnotatedElement element, Class<?> type) {
        FormParam form = element.getAnnotation(FormParam.class);
        if (form == null) {
            return;
        }
        PartType declared = element.getAnnotation(PartType.class);
        if (isStream(type) || type == String.class) {
            // the values were checked at deployment (problemsOf)
            List<MediaRange> types = declared == null ? List.of(type == String.class ? ANY_TEXT : ANY)
                    : Stream.of(declared.value()).map(value -> MediaRange.parse(value).orElseThrow()).toList();
            accepted.put(form.value(), types);
            if (isStream(type)) {
                files.add(form.value());
            }
        } else {
            untakeable.add("@FormParam(\"" + form.value() + "\") " + type.getSimpleName());
        }
    }

    /** Keeps the rules of the method {@code request} is for, for {@link CheckedPartsRequest}. */
    static void attach(ServletRequest request, PartRules rules) {
        request.setAttribute(ATTRIBUTE, rules);
    }

    /** The rules {@link #attach attached} to {@code request}; none (any part goes) if no resource method matched. */
    static PartRules of(ServletRequest request) {
        Object rules = request.getAttribute(ATTRIBUTE);
        return rules instanceof PartRules attached ? attached : new PartRules();
    }

    /**
     * Why a body whose parts have the names {@code seen} may not be read, if it may not: it lacks a part the method
     * reads as a file (400). A file input left empty still sends its part (browsers do; so does the page script for
     * htmx, which would leave it out).
     */
    Optional<MultipartRefusedException> missing(Set<String> seen) {
        return files.stream().filter(name -> !seen.contains(name)).findFirst()
                .map(name -> new MultipartRefusedException(MultipartScanner.BAD_REQUEST,
                        "The multipart body has no part '" + name + "'"));
    }

    /** The parameters no multipart body can fill, described; empty if every one can be. */
    List<String> untakeable() {
        return untakeable;
    }

    /**
     * Why the part with {@code disposition}, declared as {@code contentType} (null if it declares none), may not be
     * read, if it may not: 400 for a type that is no media type (whatever reads the part would fail on it), 415 for
     * a type its parameter does not take. A file input left empty is no file of any type.
     */
    Optional<MultipartRefusedException> refusal(FormDataDisposition disposition, String contentType) {
        String name = disposition.name();
        Optional<MediaRange> declared = contentType == null ? Optional.of(UNDECLARED) : MediaRange.parse(contentType);
        if (declared.isEmpty()) {
            return Optional.of(new MultipartRefusedException(MultipartScanner.BAD_REQUEST,
                    "The part '" + name + "' has a type that is no media type"));
        }
        List<MediaRange> types = accepted.get(name);
        if (types == null || disposition.noFileChosen()
                || types.stream().anyMatch(type -> type.includes(declared.get()))) {
            return Optional.empty();
        }
        return Optional.of(new MultipartRefusedException(MultipartScanner.UNSUPPORTED_TYPE,
                "The part '" + name + "' is " + declared.get() + ", not " + types));
    }

    /** A media type or a range of them ({@code image/*}), parameters left out. */
    record MediaRange(String type, String subtype) {

        /** A media type with its parameters, as RFC 9110 (8.3.1) writes it, or a range. */
        private static final Pattern SYNTAX = Pattern.compile("\\s*(" + TOKEN + ")/(" + TOKEN + ")\\s*"
                + "(;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\")\\s*)*;?\\s*");

        static Optional<MediaRange> parse(String value) {
            Matcher matcher = SYNTAX.matcher(value);
            return matcher.matches() ? Optional.of(new MediaRange(matcher.group(1).toLowerCase(Locale.ROOT),
                    matcher.group(2).toLowerCase(Locale.ROOT))) : Optional.empty();
        }

        boolean includes(MediaRange other) {
            return (type.equals("*") || type.equals(other.type))
                    && (subtype.equals("*") || subtype.equals(other.subtype));
        }

        @Override
        public String toString() {
            return type + "/" + subtype;
        }
    }
}
