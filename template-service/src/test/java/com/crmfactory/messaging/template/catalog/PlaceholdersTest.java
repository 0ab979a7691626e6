package com.crmfactory.messaging.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.support.web.UnprocessableException;

class PlaceholdersTest {

    @Test
    void findsNamesInOrderOfFirstUse() {
        assertThat(Placeholders.namesIn("{{b}} and {{ a }} and {{b}}", "body")).containsExactly("b", "a");
        assertThat(Placeholders.namesIn("no placeholders, {single} braces", "body")).isEmpty();
    }

    @Test
    void rendersEveryPlaceholder() {
        assertThat(Placeholders.render("Order {{order_number}} is {{ status }}: {{order_number}}",
                Map.of("order_number", "A-17", "status", "shipped"))).isEqualTo("Order A-17 is shipped: A-17");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(Placeholders.render("Total {{total}}", Map.of("total", "$5 \\ {{x}}"))).isEqualTo("Total $5 \\ {{x}}");
    }

    @Test
    void aMissingOrBlankValueIsNamed() {
        assertThatThrownBy(() -> Placeholders.render("Hi {{name}}", Map.of()))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("'name' is missing")
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("variables.name");
        assertThatThrownBy(() -> Placeholders.render("Hi {{name}}", Map.of("name", " ")))
                .hasMessageContaining("'name' is blank");
    }
}
