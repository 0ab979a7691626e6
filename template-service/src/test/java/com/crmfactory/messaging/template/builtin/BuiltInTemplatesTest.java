package com.crmfactory.messaging.template.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.template.catalog.Placeholders;
import com.crmfactory.messaging.template.catalog.TemplateContent;
import com.crmfactory.messaging.template.catalog.TemplateRules;

class BuiltInTemplatesTest {

    @Test
    void theDefaultsAreTheOnesTheIssueNames() {
        assertThat(BuiltInTemplates.keys()).containsExactly("welcome_menu", "order_confirmation", "part_selection_list");
        assertThat(byKey("welcome_menu").type()).isEqualTo(TemplateType.QUICK_REPLY);
        assertThat(byKey("order_confirmation").variables()).contains("order_number", "status");
        assertThat(byKey("part_selection_list").type()).isEqualTo(TemplateType.LIST_PICKER);
    }

    @Test
    void everyDefaultPassesTheRulesOrgTemplatesMust() {
        BuiltInTemplates.all().forEach(t -> assertThatCode(() -> TemplateRules.validate(t)).as(t.key())
                .doesNotThrowAnyException());
    }

    @Test
    void welcomeMenuFitsTheInSessionLimitOfThreeButtons() {
        assertThat(byKey("welcome_menu").options()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void orderConfirmationRendersWithinLimits() {
        Map<String, String> values = new HashMap<>();
        byKey("order_confirmation").variables().forEach(name -> values.put(name, "value"));
        assertThat(Placeholders.render(byKey("order_confirmation").body(), values)).doesNotContain("{{");
    }

    private static TemplateContent byKey(String key) {
        return BuiltInTemplates.all().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }
}
