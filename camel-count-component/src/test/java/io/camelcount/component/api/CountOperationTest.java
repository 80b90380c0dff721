package io.camelcount.component.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountOperationTest {

    @Test
    void findsARowByApiAndOperation() {
        CountOperation send = CountOperation.of("invoices", "send");
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.path("3f1c2b9e-1111-4222-8333-444455556666"))
                .isEqualTo("/invoices/3f1c2b9e-1111-4222-8333-444455556666/send");
        assertThat(CountOperation.of("invoices", "create").needsUuid()).isFalse();
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> CountOperation.of("invoices", "bill"))
                .hasMessage("Unknown operation 'bill' for count:invoices. Valid operations: create, get, approve, send");
    }

    @Test
    void anUnknownApiListsTheValidOnes() {
        assertThatThrownBy(() -> CountOperation.of("bills", "create"))
                .hasMessageStartingWith("Unknown COUNT API 'bills' in count:bills. Valid APIs: invoices");
    }
}
