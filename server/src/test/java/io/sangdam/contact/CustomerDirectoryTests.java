package io.sangdam.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.platform.RequestRejected;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class CustomerDirectoryTests {

    private final CustomerDirectory directory;
    private final JdbcClient jdbc;

    CustomerDirectoryTests(CustomerDirectory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Test
    @WithUserDetails("gn.agent")
    void searchResultsAreMaskedAndFindByLastFourDigits() {
        var customer = directory.search("C0000001").getFirst();
        assertThat(customer.name()).contains("*");
        String lastFour =
                customer.mobilePhone().substring(customer.mobilePhone().length() - 4);
        assertThat(directory.search(lastFour))
                .extracting(MaskedCustomer::customerNumber)
                .contains("C0000001");
        assertThat(directory.search(lastFour))
                .allSatisfy(c -> assertThat(c.mobilePhone()).contains("****"));
    }

    @Test
    @WithUserDetails("gn.agent")
    void openingACustomerIsWrittenToTheAccessLog() {
        long before = accessLogRows("C0000002");
        directory.view(idOf("C0000002"));
        assertThat(accessLogRows("C0000002")).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("gn.agent")
    void agentsCannotUnmask() {
        assertThatThrownBy(() -> directory.unmask(idOf("C0000003"), "고객 요청")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("gn.supervisor")
    void supervisorsUnmaskWithAReasonThatIsLogged() {
        assertThatThrownBy(() -> directory.unmask(idOf("C0000004"), ""))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        // Invisible or punctuation-only reasons leave the access log with nothing to read.
        for (String unreadable : new String[] {"\u200b", "\u00a0", ".", " \u200b. "}) {
            assertThatThrownBy(() -> directory.unmask(idOf("C0000004"), unreadable))
                    .as(unreadable)
                    .isInstanceOfSatisfying(
                            RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        }
        var customer = directory.unmask(idOf("C0000004"), "주소 변경 요청 본인 확인");
        assertThat(customer.name()).doesNotContain("*");
        assertThat(jdbc.sql("select reason from identity.personal_data_access where subject_id = 'C0000004' and"
                                + " task = 'UNMASK'")
                        .query(String.class)
                        .list())
                .containsExactly("주소 변경 요청 본인 확인");
    }

    @Test
    void aChatIsMatchedOnTheNormalisedMobilePhoneWhateverTheFormat() {
        long id = idOf("C0000010");
        String phone = jdbc.sql("select mobile_phone from contact.customer where id = ?")
                .param(id)
                .query(String.class)
                .single();
        String digits = phone.replaceAll("[^0-9]", "");
        assertThat(directory.match(phone, null)).contains(id);
        assertThat(directory.match(digits, "다른 이름")).contains(id);
        assertThat(directory.match("+82 " + digits.substring(1, 3) + " " + digits.substring(3), null))
                .contains(id);
        assertThat(directory.match("(" + digits.substring(0, 3) + ") " + digits.substring(3), null))
                .contains(id);
    }

    @Test
    void noMatchForAnUnknownOrIncompletePhone() {
        assertThat(directory.match("010-0000-0000", "홍길동")).isEmpty();
        assertThat(directory.match("5678", null)).isEmpty();
        assertThat(directory.match("", null)).isEmpty();
        assertThat(directory.match(null, "홍길동")).isEmpty();
    }

    @Test
    void aSharedPhoneIsDecidedByTheNameOrNotAtAll() {
        jdbc.sql("""
            insert into contact.customer (customer_number, name, mobile_phone) values
              ('T0000001', '김가족', '010-1999-0001'), ('T0000002', '이가족', '01019990001')\
            """).update();
        assertThat(directory.match("010-1999-0001", "이가족")).contains(idOf("T0000002"));
        assertThat(directory.match("010-1999-0001", " 김가족 ")).contains(idOf("T0000001"));
        assertThat(directory.match("010-1999-0001", null)).isEmpty();
        assertThat(directory.match("010-1999-0001", "박가족")).isEmpty();
    }

    @Test
    @WithUserDetails("gn.agent")
    void anAgentUnmasksTheCustomerOfTheirContactWithALoggedReason() {
        long id = idOf("C0000012");
        assertThatThrownBy(() -> directory.unmaskForContact(id, "chat-1", " "))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        assertThatThrownBy(() -> directory.unmaskForContact(id, "chat-1", "\u200b"))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        assertThat(directory.unmaskForContact(id, "chat-1", "본인 확인").name()).doesNotContain("*");
        assertThat(jdbc.sql("select reason from identity.personal_data_access where subject_id = 'C0000012' and"
                                + " task = 'UNMASK'")
                        .query(String.class)
                        .list())
                .containsExactly("본인 확인 (contact chat-1)");
    }

    private long idOf(String customerNumber) {
        return jdbc.sql("select id from contact.customer where customer_number = ?")
                .param(customerNumber)
                .query(Long.class)
                .single();
    }

    private long accessLogRows(String customerNumber) {
        return jdbc.sql("select count(*) from identity.personal_data_access where subject_id = ?")
                .param(customerNumber)
                .query(Long.class)
                .single();
    }
}
