package com.crmfactory.messaging.gateway;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.ArchitectureRules;

/** No cycles between feature packages; controllers and listeners never touch repositories. */
class ArchitectureTest {

    @Test
    void featurePackagesFollowTheLayoutRules() {
        ArchitectureRules.check("com.crmfactory.messaging.gateway");
    }
}
