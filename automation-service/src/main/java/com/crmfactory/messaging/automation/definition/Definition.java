package com.crmfactory.messaging.automation.definition;

import java.util.List;

/** A parsed, valid automation definition: what one version of an automation does. */
public record Definition(String name, Trigger trigger, List<Condition> conditions, List<Action> actions) {

    public Definition {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
