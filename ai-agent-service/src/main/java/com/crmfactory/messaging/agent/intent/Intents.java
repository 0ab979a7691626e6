package com.crmfactory.messaging.agent.intent;

/** Intent names the dialogue branches on (the rest come from the dataset and are handed over as they are). */
public final class Intents {

    public static final String GREETING = "greeting";
    public static final String THANKS = "thanks_goodbye";
    public static final String ASK_PRICE = "ask_price";
    public static final String ASK_STOCK = "ask_stock";
    public static final String TRACK_ORDER = "track_order";
    public static final String PLACE_ORDER = "place_order";
    public static final String CHANGE_ORDER = "change_order";
    public static final String CANCEL_ORDER = "cancel_order";
    public static final String CONTACT_HUMAN = "contact_human_agent";
    public static final String CONTACT_SERVICE = "contact_customer_service";
    public static final String UNKNOWN = "unknown";

    private Intents() {
    }
}
