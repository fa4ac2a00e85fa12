package io.sangdam.contact.demo;

import io.sangdam.platform.ModuleInitializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A typical Korean telecom and retail category tree (대/중/소분류) for the demo center. */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoCategories implements ModuleInitializer {

    private final DemoContactStore records;
    private final TransactionTemplate transaction;

    DemoCategories(DemoContactStore records, TransactionTemplate transaction) {
        this.records = records;
        this.transaction = transaction;
    }

    @Override
    public void initialize() {
        if (records.hasCategories()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            long billing = records.addCategory(null, 1, "BILL", "요금", "Billing");
            long inquiry = records.addCategory(billing, 2, "BILL-Q", "요금 문의", "Billing questions");
            records.addCategory(inquiry, 3, "BILL-Q-AMOUNT", "청구 금액 확인", "Checking the amount billed");
            records.addCategory(inquiry, 3, "BILL-Q-ERROR", "과다 청구 이의", "Disputing an overcharge");
            long payment = records.addCategory(billing, 2, "BILL-P", "납부", "Payment");
            records.addCategory(payment, 3, "BILL-P-METHOD", "납부 방법 변경", "Changing the payment method");
            records.addCategory(payment, 3, "BILL-P-LATE", "연체·미납", "Late or missed payment");
            long contract = records.addCategory(null, 1, "CONTRACT", "가입·해지", "Contracts");
            long cancel = records.addCategory(contract, 2, "CONTRACT-C", "해지", "Cancellation");
            records.addCategory(cancel, 3, "CONTRACT-C-REQUEST", "해지 접수", "Cancellation requested");
            records.addCategory(cancel, 3, "CONTRACT-C-RETAINED", "해지 방어 성공", "Customer retained");
            long plan = records.addCategory(contract, 2, "CONTRACT-P", "요금제", "Plans");
            records.addCategory(plan, 3, "CONTRACT-P-CHANGE", "요금제 변경", "Plan changed");
            long tech = records.addCategory(null, 1, "TECH", "기술지원", "Technical support");
            long internet = records.addCategory(tech, 2, "TECH-NET", "인터넷", "Internet");
            records.addCategory(internet, 3, "TECH-NET-DOWN", "연결 끊김", "Connection drops");
            records.addCategory(internet, 3, "TECH-NET-VISIT", "방문 기사 요청", "Technician visit");
            long other = records.addCategory(null, 1, "OTHER", "기타", "Other");
            long complaint = records.addCategory(other, 2, "OTHER-C", "불만·민원", "Complaints");
            records.addCategory(complaint, 3, "OTHER-C-VOC", "VOC 접수", "Complaint recorded");
            records.addCategory(complaint, 3, "OTHER-C-ABUSE", "폭언·욕설로 종료", "Ended for abuse");
        });
    }
}
