package dev.nex.jakarta.impl.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a part's {@code Content-Disposition} says of it (RFC 7578, 4.2): its field name, and the name of its file if
 * it carries one.
 */
record FormDataDisposition(String name, Optional<String> fileName) {

    /** The disposition of a {@code form-data} part with a name; empty for any other. */
    static Optional<FormDataDisposition> parse(String header) {
        List<String> parameters = parameters(header);
        if (!parameters.get(0).equalsIgnoreCase("form-data")) {
            return Optional.empty();
        }
        String name = null;
        String fileName = null;
        for (String parameter : parameters.subList(1, parameters.size())) {
            int equals = parameter.indexOf('=');
            String key = equals > 0 ? parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT) : "";
            if (key.equals("name") && name == null) {
                name = unquote(parameter.substring(equals + 1).strip());
            } else if (key.equals("filename") && fileName == null) {
                fileName = unquote(parameter.substring(equals + 1).strip());
            }
        }
        return name == null ? Optional.empty()
                : Optional.of(new FormDataDisposition(name, Optional.ofNullable(fileName)));
    }

    /** A file input left empty: browsers send it with an empty file name, no content and a generic type. */
    boolean noFileChosen() {
        return fileName.filter(String::isEmpty).isPresent();
    }

    /** The {@code ;}-separated parts of a header value, stripped; a {@code ;} in quotes separates nothing. */
    private static List<String> parameters(String value) {
        List<String> parameters = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ';' && !quoted) {
                parameters.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parameters.add(current.toString().strip());
        return parameters;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder unquoted = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            unquoted.append(c == '\\' && i + 1 < value.length() - 1 ? value.charAt(++i) : c);
        }
        return unquoted.toString();
    }
}
