package com.crmfactory.messaging.outbound.email;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** E-mail through SMTP (Spring Mail); the Message-ID is the provider message id. */
@Component
public class EmailSender {

    private final JavaMailSender mail;

    public EmailSender(JavaMailSender mail) {
        this.mail = mail;
    }

    /** @return the Message-ID of the sent mail */
    public String send(String from, String to, String subject, String body) throws MessagingException, MailException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body == null ? "" : body);
        message.saveChanges();
        String id = message.getMessageID();
        mail.send(message);
        return id;
    }
}
