package com.crmfactory.messaging.outbound.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.EmailThreading;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through SMTP (Spring Mail); the Message-ID is the provider message id. A reply carries RFC 5322's
 * {@code In-Reply-To} (the customer's message) and {@code References} (the chain before it, then that message) and a
 * {@code Re:} subject, so it threads in the customer's mail client.
 */
@Component
public class EmailSender {

    /** RFC 5322 recommends at most 998 characters per header line; older ids are dropped first. */
    static final int MAX_REFERENCES_LENGTH = 900;

    private final JavaMailSender mail;

    public EmailSender(JavaMailSender mail) {
        this.mail = mail;
    }

    /** @return the Message-ID of the sent mail */
    public String send(String from, String to, String subject, String body) throws MessagingException, MailException {
        return send(from, to, subject, body, null);
    }

    /** @param threading the customer's message this answers (null: a new thread) */
    public String send(String from, String to, String subject, String body, EmailThreading threading)
            throws MessagingException, MailException {
        return send(from, to, subject, body, threading, List.of());
    }

    /**
     * @param threading the customer's message this answers (null: a new thread)
     * @param mediaUrls the reply's media, sent as <b>links</b> below the text (not attached: this service fetches
     *        nothing from the internet, so no download size, type or SSRF questions arise; conversation-service has
     *        already required https)
     */
    public String send(String from, String to, String subject, String body, EmailThreading threading, List<String> mediaUrls)
            throws MessagingException, MailException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        boolean reply = threading != null && threading.inReplyTo() != null && !threading.inReplyTo().isBlank();
        helper.setSubject(reply ? replySubject(subject) : subject);
        helper.setText(withLinks(body, mediaUrls));
        if (reply) {
            message.setHeader("In-Reply-To", angled(threading.inReplyTo()));
            message.setHeader("References", references(threading));
        }
        message.saveChanges();
        String id = message.getMessageID();
        mail.send(message);
        return id;
    }

    /** The text, then one line per media URL under "Attachments:" (CR/LF removed from the URLs). */
    static String withLinks(String body, List<String> mediaUrls) {
        String text = body == null ? "" : body;
        if (mediaUrls == null || mediaUrls.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.stripTrailing());
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append("Attachments:");
        for (String url : mediaUrls) {
            if (url != null && !url.isBlank()) {
                out.append("\n").append(url.strip().replaceAll("[\\r\\n]", ""));
            }
        }
        return out.append("\n").toString();
    }

    static String replySubject(String subject) {
        String text = subject == null ? "" : subject.strip();
        return text.toLowerCase(Locale.ROOT).startsWith("re:") ? text : ("Re: " + text).strip();
    }

    /** The references, then the message answered (once), newest kept within the header length. */
    static String references(EmailThreading threading) {
        List<String> ids = new ArrayList<>();
        for (String id : threading.references()) {
            if (id != null && !id.isBlank() && !ids.contains(angled(id))) {
                ids.add(angled(id));
            }
        }
        String answered = angled(threading.inReplyTo());
        ids.remove(answered);
        ids.add(answered);
        while (ids.size() > 1 && String.join(" ", ids).length() > MAX_REFERENCES_LENGTH) {
            ids.remove(0);
        }
        return String.join(" ", ids);
    }

    private static String angled(String id) {
        String trimmed = id.strip().replaceAll("[\\r\\n]", "");
        return trimmed.startsWith("<") ? trimmed : "<" + trimmed + ">";
    }
}
