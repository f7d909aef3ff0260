package dev.nex.jakarta.impl.web;

/**
 * Marks an out-of-band fragment for htmx (SPEC 11.3): {@code hx-swap-oob} on its first element, unless the view
 * marked that element itself. Comments and declarations before it are skipped.
 */
final class OutOfBandMarkup {

    private OutOfBandMarkup() {
    }

    /** {@code html} with its first element marked with {@code swap}. */
    static String mark(String html, String swap, String view) {
        int from = 0;
        for (;;) {
            int open = html.indexOf('<', from);
            if (open < 0 || open + 1 >= html.length()) {
                throw new IllegalStateException("The out-of-band view " + view
                        + " rendered no element: htmx would have nothing to swap");
            }
            if (html.startsWith("<!--", open)) {
                int close = html.indexOf("-->", open + 4);
                from = close < 0 ? html.length() : close + 3;
                continue;
            }
            if (!Character.isLetter(html.charAt(open + 1))) { // a declaration, a processing instruction, a stray '<'
                from = open + 1;
                continue;
            }
            int nameEnd = open + 1;
            while (nameEnd < html.length() && isNameCharacter(html.charAt(nameEnd))) {
                nameEnd++;
            }
            int tagEnd = html.indexOf('>', nameEnd);
            if (html.substring(nameEnd, tagEnd < 0 ? html.length() : tagEnd).contains("hx-swap-oob")) {
                return html;
            }
            return html.substring(0, nameEnd) + " hx-swap-oob=\"" + Html.escape(swap) + "\"" + html.substring(nameEnd);
        }
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_' || c == '.';
    }
}
