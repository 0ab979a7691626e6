package com.crmfactory.messaging.ingest.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The new text of an e-mail: the plain part (else the HTML part reduced to text), without the quoted history
 * a mail client appends to a reply and without the signature.
 */
final class EmailText {

    private static final Pattern ON_WROTE = Pattern.compile("^\\s*On\\s.*wrote:\\s*$");
    private static final Pattern ON_START = Pattern.compile("^\\s*On\\s.+");
    private static final Pattern WROTE_END = Pattern.compile(".*wrote:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCKS = Pattern.compile(
            "p|div|br|li|tr|h[1-6]|pre|blockquote|table|ul|ol|section|article|header|footer");

    private EmailText() {
    }

    static String of(String text, String html) {
        String plain = text != null && !text.isBlank() ? text : html != null ? htmlToText(html) : "";
        return stripQuoted(plain);
    }

    /**
     * HTML to text with jsoup: only text nodes are kept, so script and style content (jsoup's data nodes),
     * comments and markup never reach the message; quoted blocks are dropped; block elements end a line.
     */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title, template, noscript, iframe, object, svg, blockquote, "
                + ".gmail_quote, #divRplyFwdMsg, #appendonsend").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    out.append(textNode.text());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.matcher(element.normalName()).matches()
                        && !element.normalName().equals("br") && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        }, document.body());
        return out.toString();
    }

    /**
     * Cuts at the first marker of quoted history ("On … wrote:", over one or two lines; "-----Original
     * Message-----") or at the signature delimiter {@code "-- "}; drops lines quoted with {@code >}.
     */
    static String stripQuoted(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--") || ORIGINAL_MESSAGE.matcher(line).matches()
                    || ON_WROTE.matcher(line).matches()
                    || (ON_START.matcher(line).matches() && i + 1 < lines.length && WROTE_END.matcher(lines[i + 1]).matches()
                            && !lines[i + 1].stripLeading().startsWith(">"))) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip();
    }
}
