package com.crmfactory.messaging.outbound.message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.common.WhatsAppWindow;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.customer.CustomerState;
import com.crmfactory.messaging.outbound.template.TemplateCatalog;
import com.crmfactory.messaging.outbound.template.TemplateCatalog.Template;
import com.crmfactory.messaging.outbound.tenant.TenantDirectory;
import com.crmfactory.messaging.outbound.tenant.TenantDirectory.Sender;
import com.crmfactory.messaging.outbound.twilio.SendPlan;
import com.crmfactory.messaging.twilio.TwilioProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Decides how a request goes out: the channel ({@code originating} = the session's), the sender number,
 * the opt-out check, the WhatsApp session window, template and interactive content. Nothing here calls
 * Twilio's Messages API.
 */
@Component
public class SendPolicy {

    static final String WINDOW_CLOSED = "WhatsApp window closed: use an approved template";
    /** How often a fresh request that would be refused looks again (see {@link Decision.Recheck}). */
    static final Duration RECHECK = Duration.ofMillis(250);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerState customers;
    private final TenantDirectory tenants;
    private final TemplateCatalog templates;
    private final InteractiveContents interactive;
    private final TwilioProperties twilio;
    private final OutboundProperties props;
    private final WhatsAppWindow whatsappWindow;
    private final Clock clock;

    SendPolicy(CustomerState customers, TenantDirectory tenants, TemplateCatalog templates,
            InteractiveContents interactive, TwilioProperties twilio, OutboundProperties props, WhatsAppWindow whatsappWindow,
            Clock clock) {
        this.customers = customers;
        this.tenants = tenants;
        this.templates = templates;
        this.interactive = interactive;
        this.twilio = twilio;
        this.props = props;
        this.whatsappWindow = whatsappWindow;
        this.clock = clock;
    }

    public Decision decide(OutboundMessage m, OutboundMessageRequested request) {
        Channel channel = channel(m, request);
        String to = address(channel, request.to());
        if (customers.optedOut(m.orgId(), channel, to)) {
            return Decision.Refuse.because(channel, "opted_out", "The recipient opted out of messages on this channel");
        }
        if (channel == Channel.EMAIL) {
            String from = tenants.sender(m.orgId(), Channel.EMAIL).map(Sender::address).orElse(props.emailFrom());
            return new Decision.ViaEmail(from, to, request.subject() == null ? "" : request.subject(), text(request, null),
                    request.email(), request.media() == null ? List.of() : request.media().stream().map(Media::url).toList());
        }
        Optional<Sender> sender = sender(m.orgId(), channel);
        if (sender.isEmpty()) {
            if (fresh(request)) {
                return new Decision.Recheck(RECHECK);
            }
            return Decision.Refuse.because(channel, "no_sender", "The org has no sender number for " + channel.wire());
        }
        String from = address(channel, sender.get().address());
        String callback = props.statusCallbackBaseUrl().replaceAll("/+$", "") + "/api/v1/webhooks/telephony/status?requestId="
                + URLEncoder.encode(m.requestId(), StandardCharsets.UTF_8);
        Template template = template(m.orgId(), request, channel);
        boolean approvedTemplate = request.template() != null && (request.template().contentSid() != null
                || (template != null && template.contentSid() != null && template.approved()));
        if (channel == Channel.WHATSAPP && !approvedTemplate && !insideWindow(m.orgId(), to)) {
            if (fresh(request)) {
                return new Decision.Recheck(RECHECK);
            }
            Template fallback = fallback(m.orgId(), request);
            if (fallback == null) {
                return Decision.Refuse.because(channel, "template_required", WINDOW_CLOSED);
            }
            return twilioSend(channel, sender.get(), new SendPlan(to, from, null, null, fallback.contentSid(), null, callback),
                    expected(render(fallback.body(), Map.of())));
        }
        if (request.interactive() != null && request.template() != null && channel != Channel.WHATSAPP) {
            // SMS/MMS cannot show a list or buttons: the (rendered) template text heads a numbered list of the options
            if (request.template().contentSid() == null && template == null) {
                return templateNotFound(channel, request);
            }
            return twilioSend(channel, sender.get(), new SendPlan(to, from, text(request, template),
                    request.media().stream().map(Media::url).toList(), null, null, callback), List.of());
        }
        String contentSid = null;
        String variables = null;
        List<String> expected = List.of();
        if (request.template() != null) {
            contentSid = request.template().contentSid() != null ? request.template().contentSid()
                    : template == null ? null : template.contentSid();
            if (request.template().contentSid() == null && template == null) {
                return templateNotFound(channel, request);
            }
            variables = request.template().variables().isEmpty() ? null : JSON.writeValueAsString(request.template().variables());
            expected = template == null ? List.of() : expected(render(template.body(), request.template().variables()));
        } else if (request.interactive() != null && channel == Channel.WHATSAPP) {
            contentSid = interactive.contentSidFor(request.interactive());
            expected = expected(request.interactive().body(), optionsText(request.interactive()));
        }
        String body = contentSid != null ? null : text(request, template);
        return twilioSend(channel, sender.get(), new SendPlan(to, from, body,
                request.media().stream().map(Media::url).toList(), contentSid, variables, callback), expected);
    }

    private static Decision templateNotFound(Channel channel, OutboundMessageRequested request) {
        return Decision.Refuse.because(channel, "template_not_found",
                "No template '" + request.template().key() + "' for " + channel.wire());
    }

    private Decision twilioSend(Channel channel, Sender sender, SendPlan plan, List<String> expectedBodies) {
        return new Decision.ViaTwilio(channel, plan.from(), sender.type(), plan,
                plan.contentSid() == null ? List.of() : expectedBodies);
    }

    /**
     * The texts Twilio may show as a Content send's {@code body}. A text that still holds a {@code {{placeholder}}}
     * (variables Twilio fills from the content's defaults) is not known exactly and is left out.
     */
    static List<String> expected(String... texts) {
        return java.util.Arrays.stream(texts)
                .filter(t -> t != null && !t.isBlank() && !t.contains("{{"))
                .distinct().toList();
    }

    static Channel channel(OutboundMessage m, OutboundMessageRequested request) {
        Channel channel = switch (request.channel()) {
            case ORIGINATING -> originating(m.conversationKey(), request.to());
            case SMS -> Channel.SMS;
            case MMS -> Channel.MMS;
            case WHATSAPP -> Channel.WHATSAPP;
            case EMAIL -> Channel.EMAIL;
        };
        return channel == Channel.SMS && !request.media().isEmpty() ? Channel.MMS : channel;
    }

    /** The channel of the request's session: the conversation key carries it; else the address's form. */
    private static Channel originating(String conversationKey, String to) {
        try {
            return ConversationKey.parse(conversationKey).channel();
        } catch (RuntimeException notAConversationKey) {
            return to.startsWith("whatsapp:") ? Channel.WHATSAPP : to.contains("@") ? Channel.EMAIL : Channel.SMS;
        }
    }

    static String address(Channel channel, String address) {
        if (channel == Channel.WHATSAPP) {
            return address.startsWith("whatsapp:") ? address : "whatsapp:" + address;
        }
        return address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
    }

    private Optional<Sender> sender(String orgId, Channel channel) {
        Optional<Sender> own = tenants.sender(orgId, channel);
        if (own.isPresent()) {
            return own;
        }
        String fallback = channel == Channel.WHATSAPP ? twilio.whatsappNumber() : twilio.smsNumber();
        return fallback == null || fallback.isBlank() ? Optional.empty()
                : Optional.of(new Sender(fallback, channel == Channel.WHATSAPP ? SenderType.WHATSAPP : SenderType.LONG_CODE));
    }

    /** Younger than the recheck grace: the state it would be refused on may not have reached this service yet. */
    private boolean fresh(OutboundMessageRequested request) {
        return Duration.between(request.occurredAt(), clock.instant()).compareTo(props.recheckGrace()) < 0;
    }

    private boolean insideWindow(String orgId, String to) {
        return whatsappWindow.isOpen(customers.lastInbound(orgId, Channel.WHATSAPP, to).orElse(null), clock.instant());
    }

    private Template template(String orgId, OutboundMessageRequested request, Channel channel) {
        if (request.template() == null || request.template().key() == null) {
            return null;
        }
        return templates.find(orgId, request.template().key(), channel, request.template().language()).orElse(null);
    }

    private Template fallback(String orgId, OutboundMessageRequested request) {
        if (!Boolean.TRUE.equals(request.allowTemplateFallback()) || props.fallbackTemplateKey() == null
                || props.fallbackTemplateKey().isBlank()) {
            return null;
        }
        return templates.find(orgId, props.fallbackTemplateKey(), Channel.WHATSAPP, null)
                .filter(t -> t.approved() && t.contentSid() != null).orElse(null);
    }

    /** Plain text: the body, a template rendered with its variables, or interactive options as a numbered list. */
    static String text(OutboundMessageRequested request, Template template) {
        if (template != null && request.template() != null) {
            String rendered = render(template.body(), request.template().variables());
            return request.interactive() == null ? rendered : numbered(rendered, request.interactive());
        }
        if (request.interactive() != null && (request.body() == null || request.body().isBlank())) {
            return optionsText(request.interactive());
        }
        return request.body();
    }

    /** Interactive content for channels without buttons: the body and a numbered list of the options. */
    static String optionsText(com.crmfactory.messaging.events.common.Interactive interactive) {
        return numbered(interactive.body(), interactive);
    }

    /** {@code heading}, then the options as {@code 1) title} lines. */
    static String numbered(String heading, com.crmfactory.messaging.events.common.Interactive interactive) {
        StringBuilder text = new StringBuilder(heading == null || heading.isBlank() ? interactive.body() : heading);
        int n = 1;
        for (var option : interactive.options()) {
            text.append('\n').append(n++).append(") ").append(option.title());
        }
        return text.toString();
    }

    static String render(String body, Map<String, String> variables) {
        String out = body;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            out = out.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return out;
    }
}
