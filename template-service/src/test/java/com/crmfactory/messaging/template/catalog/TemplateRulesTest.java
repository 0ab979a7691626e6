package com.crmfactory.messaging.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.support.web.UnprocessableException;

class TemplateRulesTest {

    @Test
    void acceptsAWellFormedTemplateOfEachType() {
        assertThatCode(() -> TemplateRules.validate(text("Order {{order_number}} is {{status}}", "order_number", "status")))
                .doesNotThrowAnyException();
        assertThatCode(() -> TemplateRules.validate(new TemplateContent("promo", null, "en", TemplateType.MEDIA, "",
                List.of("sku"), null, null, List.of(), List.of("https://cdn.example.com/{{sku}}.jpg"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> TemplateRules.validate(quickReply(3))).doesNotThrowAnyException();
        assertThatCode(() -> TemplateRules.validate(listPicker(10, "Pick"))).doesNotThrowAnyException();
    }

    @Test
    void aBodyVariableThatIsNotDeclaredIsNamed() {
        fails(text("Hi {{name}}, order {{order_number}}", "name"))
                .hasMessageContaining("{{order_number}}").hasMessageContaining("not declared")
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("body");
    }

    @Test
    void aDeclaredVariableNoPlaceholderUsesIsRejected() {
        fails(text("Hi {{name}}", "name", "status"))
                .hasMessageContaining("'status' is declared but no placeholder")
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("variables");
    }

    @Test
    void variablesInOptionsCountAsUsedAndMustBeDeclared() {
        TemplateContent declared = new TemplateContent("menu", null, "en", TemplateType.QUICK_REPLY, "Pick",
                List.of("sku"), null, null, List.of(new InteractiveOption("{{sku}}", "Buy", null)), List.of());
        assertThatCode(() -> TemplateRules.validate(declared)).doesNotThrowAnyException();
        TemplateContent undeclared = new TemplateContent("menu", null, "en", TemplateType.QUICK_REPLY, "Pick",
                List.of(), null, null, List.of(new InteractiveOption("a", "Buy {{sku}}", null)), List.of());
        fails(undeclared).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("options[0].title");
    }

    @Test
    void malformedAndDuplicateVariablesAreRejected() {
        fails(text("Hi {{first name}}")).hasMessageContaining("malformed");
        fails(text("Hi {{name}", "name")).hasMessageContaining("unbalanced");
        fails(text("Hi {{name}}", "name", "name")).hasMessageContaining("declared twice");
        fails(text("Hi {{a_very_long_variable_name}}", "a_very_long_variable_name"))
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("variables[0]");
    }

    @Test
    void moreThanTenListItemsIsRejected() {
        fails(listPicker(11, "Pick")).hasMessageContaining("1 to 10 options").hasMessageContaining("got 11")
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("options");
        fails(listPicker(0, "Pick")).hasMessageContaining("got 0");
        fails(quickReply(11)).hasMessageContaining("1 to 10 options");
    }

    @Test
    void twilioLengthLimitsPerType() {
        fails(text("x".repeat(1601))).hasMessageContaining("at most 1600").hasMessageContaining("got 1601");
        assertThatCode(() -> TemplateRules.validate(text("x".repeat(1600)))).doesNotThrowAnyException();
        TemplateContent longQuickReply = new TemplateContent("menu", null, "en", TemplateType.QUICK_REPLY,
                "x".repeat(1025), List.of(), null, null, List.of(new InteractiveOption("a", "A", null)), List.of());
        fails(longQuickReply).hasMessageContaining("at most 1024");
        TemplateContent longTitle = new TemplateContent("menu", null, "en", TemplateType.QUICK_REPLY, "Pick",
                List.of(), null, null, List.of(new InteractiveOption("a", "x".repeat(21), null)), List.of());
        fails(longTitle).hasMessageContaining("quick-reply button title has at most 20")
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("options[0].title");
        TemplateContent longItem = new TemplateContent("list", null, "en", TemplateType.LIST_PICKER, "Pick",
                List.of(), null, "Open", List.of(new InteractiveOption("a", "x".repeat(25), "y".repeat(72))), List.of());
        fails(longItem).hasMessageContaining("list-picker item has at most 24");
        TemplateContent longDescription = new TemplateContent("list", null, "en", TemplateType.LIST_PICKER, "Pick",
                List.of(), null, "Open", List.of(new InteractiveOption("a", "A", "y".repeat(73))), List.of());
        fails(longDescription).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("options[0].description");
        fails(listPicker(2, "x".repeat(21))).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("buttonLabel");
        TemplateContent longId = new TemplateContent("menu", null, "en", TemplateType.QUICK_REPLY, "Pick",
                List.of(), null, null, List.of(new InteractiveOption("i".repeat(201), "A", null)), List.of());
        fails(longId).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("options[0].id");
    }

    @Test
    void eachTypeHasItsOwnShape() {
        fails(listPicker(2, null)).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("buttonLabel");
        fails(new TemplateContent("t", null, "en", TemplateType.TEXT, "Hi", List.of(), null, null,
                List.of(new InteractiveOption("a", "A", null)), List.of())).hasMessageContaining("has no options");
        fails(new TemplateContent("t", null, "en", TemplateType.TEXT, "Hi", List.of(), null, "Open", List.of(), List.of()))
                .hasMessageContaining("only a list picker");
        fails(new TemplateContent("m", null, "en", TemplateType.MEDIA, "Hi", List.of(), null, null, List.of(), List.of()))
                .hasMessageContaining("1 to 10 media URLs");
        fails(new TemplateContent("m", null, "en", TemplateType.MEDIA, "Hi", List.of(), null, null, List.of(),
                List.of("ftp://x"))).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("mediaUrls[0]");
        fails(new TemplateContent("t", null, "en", TemplateType.TEXT, " ", List.of(), null, null, List.of(), List.of()))
                .hasMessageContaining("must not be blank");
        fails(new TemplateContent("q", null, "en", TemplateType.QUICK_REPLY, "Pick", List.of(), null, null,
                List.of(new InteractiveOption("a", "A", null), new InteractiveOption("a", "B", null)), List.of()))
                .hasMessageContaining("unique");
    }

    @Test
    void wireValuesNameTheAllowedOnes() {
        assertThat(WireValues.type("list-picker", "type")).isEqualTo(TemplateType.LIST_PICKER);
        assertThatThrownBy(() -> WireValues.type("carousel", "type")).isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("text, media, quick-reply, list-picker");
        assertThatThrownBy(() -> WireValues.channel("voice", "channel")).isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> WireValues.type("QUICK_REPLY", "type")).isInstanceOf(UnprocessableException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(TemplateContent content) {
        return assertThatThrownBy(() -> TemplateRules.validate(content)).isInstanceOf(UnprocessableException.class);
    }

    private static TemplateContent text(String body, String... variables) {
        return new TemplateContent("t", null, "en", TemplateType.TEXT, body, List.of(variables), null, null, List.of(),
                List.of());
    }

    private static TemplateContent quickReply(int buttons) {
        return new TemplateContent("menu", null, "en", TemplateType.QUICK_REPLY, "Pick one", List.of(), null, null,
                options(buttons, null), List.of());
    }

    private static TemplateContent listPicker(int items, String button) {
        return new TemplateContent("list", null, "en", TemplateType.LIST_PICKER, "Pick one", List.of(), null, button,
                options(items, "details"), List.of());
    }

    private static List<InteractiveOption> options(int n, String description) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> new InteractiveOption("id" + i, "Item " + i, description))
                .toList());
    }
}
