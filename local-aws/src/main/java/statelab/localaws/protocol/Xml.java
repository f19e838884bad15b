package statelab.localaws.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small XML writer for query-protocol answers: elements, escaped text, nothing else. */
public final class Xml {
    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    public Xml start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public Xml start(String name, String xmlns) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(xmlns)).append("\">");
        open.push(name);
        return this;
    }

    public Xml end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>text</name>}; nothing at all when text is null, as AWS omits absent members. */
    public Xml leaf(String name, Object text) {
        if (text != null) {
            out.append('<').append(name).append('>').append(escape(String.valueOf(text))).append("</").append(name).append('>');
        }
        return this;
    }

    /** Appends already-rendered XML. */
    public Xml raw(String xml) {
        out.append(xml);
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
