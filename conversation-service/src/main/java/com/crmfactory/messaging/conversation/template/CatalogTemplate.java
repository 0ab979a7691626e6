package com.crmfactory.messaging.conversation.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;

/** One template of an org as our copy of {@code templates.catalog.v1} holds it. */
public record CatalogTemplate(String templateId, String orgId, String key, Channel channel, String language,
        TemplateType type, String body, List<String> variables, String contentSid, ApprovalStatus approvalStatus,
        String buttonLabel, List<InteractiveOption> options, List<String> mediaUrls) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public CatalogTemplate {
        variables = variables == null ? List.of() : List.copyOf(variables);
        options = options == null ? List.of() : List.copyOf(options);
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    /** WhatsApp delivers it outside the customer-service window: approved and with a Content SID. */
    public boolean sendableOutsideWindow() {
        return approvalStatus == ApprovalStatus.APPROVED && contentSid != null && !contentSid.isBlank();
    }

    /** Whether it may go out on a conversation channel (a template without channel fits any). */
    public boolean fits(Channel conversationChannel) {
        return channel == null || channel.conversationChannel() == conversationChannel;
    }

    /** The variables the template uses: declared ones and placeholders of its body and options. */
    public Set<String> names() {
        Set<String> needed = new LinkedHashSet<>(variables);
        needed.addAll(placeholders(body));
        options.forEach(option -> {
            needed.addAll(placeholders(option.title()));
            needed.addAll(placeholders(option.description()));
        });
        return needed;
    }

    /** The variables the template uses that {@code values} leaves out or blank. */
    public List<String> missing(Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : names()) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The body with every {@code {{name}}} replaced by its value. */
    public String render(Map<String, String> values) {
        return fill(body, values);
    }

    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> placeholders(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
