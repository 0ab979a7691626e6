package com.crmfactory.messaging.agent.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairRulesTest {

    @Test
    void wordsDecideBetweenTheSidesOfAConfusedPair() {
        assertThat(PairRules.refine("I need to add another shipping address", "change_shipping_address"))
                .isEqualTo("set_up_shipping_address");
        assertThat(PairRules.refine("update my shipping address", "set_up_shipping_address"))
                .isEqualTo("change_shipping_address");
        assertThat(PairRules.refine("send me a copy of the invoice", "check_invoice")).isEqualTo("get_invoice");
        assertThat(PairRules.refine("the sign up page shows an error", "create_account")).isEqualTo("registration_problems");
        assertThat(PairRules.refine("how long does delivery usually take", "track_order")).isEqualTo("delivery_period");
        assertThat(PairRules.refine("I want a refund for my last purchase", "check_refund_policy")).isEqualTo("get_refund");
        // words on both sides, or none: the model's choice stands
        assertThat(PairRules.refine("change my address to a new one", "change_shipping_address"))
                .isEqualTo("change_shipping_address");
        assertThat(PairRules.refine("hello", "greeting")).isEqualTo("greeting");
    }
}
