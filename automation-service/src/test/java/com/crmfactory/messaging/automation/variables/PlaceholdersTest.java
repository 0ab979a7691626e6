package com.crmfactory.messaging.automation.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void rendersEveryPlaceholderAndTakesValuesLiterally() {
        assertThat(Placeholders.render("Hi {{contact.name}}, order {{ order_number }} costs $5 {{x}}",
                Map.of("contact.name", "Ana", "order_number", "SO-1", "x", "$1 \\ {{y}}")))
                .isEqualTo("Hi Ana, order SO-1 costs $5 $1 \\ {{y}}");
    }

    @Test
    void aMissingVariableIsNamedAndNothingIsRendered() {
        assertThatThrownBy(() -> Placeholders.render("Mail {{contact.email}}", Map.of()))
                .isInstanceOf(MissingVariableException.class)
                .hasMessage("variable {{contact.email}} is not available");
    }

    @Test
    void findsNamesAndSinglePlaceholders() {
        assertThat(Placeholders.namesIn("{{a}} and {{b.c}} and {{a}}")).containsExactly("a", "b.c");
        assertThat(Placeholders.isSinglePlaceholder(" {{contact.phone}} ")).isTrue();
        assertThat(Placeholders.isSinglePlaceholder("+1{{contact.phone}}")).isFalse();
    }
}
