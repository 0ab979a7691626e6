package com.crmfactory.messaging.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.agent.intent.IntentPrediction;
import com.crmfactory.messaging.agent.intent.Intents;

/** Which messages the keywords decide without the sentence model: plain price or stock questions about a SKU. */
class KeywordIntentTest {

    @Test
    void aPriceOrStockQuestionAboutASkuNeedsNoModel() {
        assertThat(OfflineDialogue.keywordIntent("how much is BRG-6204-2RS?"))
                .hasValue(new IntentPrediction(Intents.ASK_PRICE, 1.0, 1.0));
        assertThat(OfflineDialogue.keywordIntent("price of BLT-M8X30-ZN please"))
                .hasValue(new IntentPrediction(Intents.ASK_PRICE, 1.0, 1.0));
        assertThat(OfflineDialogue.keywordIntent("do you have BRG-6204-2RS in stock?"))
                .hasValue(new IntentPrediction(Intents.ASK_STOCK, 1.0, 1.0));
    }

    @Test
    void everythingElseIsTheModelsToRead() {
        assertThat(List.of(
                "how much is a 6204 bearing?", // no SKU
                "what does SO-100001 cost me?", // an order number
                "price and stock of BRG-6204-2RS", // both: the model weighs them
                "I'd like to buy BRG-6204-2RS, how much?", // an order
                "can a person tell me the price of BRG-6204-2RS?", // a person asked for
                "change BRG-6204-2RS to 20, what does it cost?", // a change
                "BRG-6204-2RS")) // no question word
                .allSatisfy(text -> assertThat(OfflineDialogue.keywordIntent(text)).as(text).isEmpty());
    }
}
