package com.crmfactory.messaging.outbound.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.crmfactory.messaging.events.common.EmailThreading;

import jakarta.mail.internet.MimeMessage;

/** An e-mail reply's media go as links below its text; threading headers stay as they were. */
class EmailSenderTest {

    /** Captures instead of talking SMTP. */
    static final class CapturingMail extends JavaMailSenderImpl {
        final List<MimeMessage> sent = new ArrayList<>();

        @Override
        public void send(MimeMessage... messages) {
            sent.addAll(List.of(messages));
        }
    }

    @Test
    void mediaUrlsGoAsLinksBelowTheText() throws Exception {
        CapturingMail mail = new CapturingMail();
        String id = new EmailSender(mail).send("support@acme.example.com", "ada@example.com", "Order 17", "Our catalogue, as promised.",
                new EmailThreading("<c1@mail.example.com>", List.of()),
                List.of("https://cdn.example.com/catalogue.pdf", "https://cdn.example.com/price\r\nlist.pdf"));

        MimeMessage sent = mail.sent.get(0);
        assertThat(sent.getMessageID()).isEqualTo(id);
        assertThat(sent.getSubject()).isEqualTo("Re: Order 17");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<c1@mail.example.com>");
        assertThat(((String) sent.getContent()).replace("\r\n", "\n")).isEqualTo("""
                Our catalogue, as promised.

                Attachments:
                https://cdn.example.com/catalogue.pdf
                https://cdn.example.com/pricelist.pdf
                """);
    }

    @Test
    void withoutMediaTheTextIsUnchanged() throws Exception {
        CapturingMail mail = new CapturingMail();
        new EmailSender(mail).send("support@acme.example.com", "ada@example.com", "Hello", "Just text.", null, List.of());

        assertThat(mail.sent.get(0).getContent()).isEqualTo("Just text.");
        assertThat(EmailSender.withLinks(null, List.of("https://x.example.com/a.png"))).isEqualTo("Attachments:\nhttps://x.example.com/a.png\n");
    }
}
