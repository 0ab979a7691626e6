package com.crmfactory.messaging.template.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.template.builtin.BuiltInTemplates;
import com.crmfactory.messaging.template.catalog.TemplateContent;
import com.twilio.rest.content.v1.Content;

/** Our template types as Twilio content types; names, samples and back-off. */
class ContentDefinitionTest {

    private static TemplateContent builtIn(String key) {
        return BuiltInTemplates.all().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void eachTypeBecomesItsTwilioContentType() {
        Content.Types welcome = ContentDefinition.of(builtIn("welcome_menu"), "n").getTypes();
        assertThat(welcome.getTwilioQuickReply()).isNotNull();
        assertThat(welcome.getTwilioText()).isNull();

        Content.ContentCreateRequest order = ContentDefinition.of(builtIn("order_confirmation"), "order_confirmation_x");
        assertThat(order.getTypes().getTwilioText()).isNotNull();
        assertThat(order.getFriendlyName()).isEqualTo("order_confirmation_x");
        assertThat(order.getLanguage()).isEqualTo("en");
        assertThat(order.getVariables()).containsOnlyKeys("customer_name", "order_number", "status", "total", "delivery_date")
                .allSatisfy((name, sample) -> assertThat(sample).isNotBlank());

        Content.ContentCreateRequest parts = ContentDefinition.of(builtIn("part_selection_list"), "p");
        assertThat(parts.getTypes().getTwilioListPicker()).isNotNull();
        assertThat(parts.getVariables().get("name_1")).hasSizeLessThanOrEqualTo(24);
    }

    @Test
    void onlyListPickersSkipWhatsAppApproval() {
        assertThat(ContentDefinition.needsApproval(TemplateType.LIST_PICKER)).isFalse();
        assertThat(ContentDefinition.needsApproval(TemplateType.QUICK_REPLY)).isTrue();
        assertThat(ContentDefinition.needsApproval(TemplateType.TEXT)).isTrue();
        assertThat(ContentDefinition.needsApproval(TemplateType.MEDIA)).isTrue();
    }

    @Test
    void friendlyNamesAreUniquePerTemplateAndGenerationAndValidWhatsAppNames() {
        UUID id = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        assertThat(ContentDefinition.friendlyName("welcome_menu", id, 1)).isEqualTo("welcome_menu_0f1e2d3c4b5a6978");
        assertThat(ContentDefinition.friendlyName("welcome_menu", id, 2)).isEqualTo("welcome_menu_0f1e2d3c4b5a6978_v2");
        assertThat(ContentDefinition.friendlyName("welcome_menu", UUID.randomUUID(), 1)).matches("[a-z0-9_]+");
    }

    @Test
    void theBackOffDoublesUpToItsCeiling() {
        ProvisioningProperties properties = new ProvisioningProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(5), 20,
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofMinutes(5));
    }
}
