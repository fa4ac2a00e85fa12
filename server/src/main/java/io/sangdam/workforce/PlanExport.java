package io.sangdam.workforce;

import io.sangdam.workforce.WorkforcePlanning.Plan;
import io.sangdam.workforce.WorkforcePlanning.PlanRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The staffing plan as CSV (UTF-8 with a byte-order mark, so Korean Excel opens it correctly) and
 * as an Excel workbook. Column names are bilingual: the files travel between HQ and partners.
 */
final class PlanExport {

    static final String[] COLUMNS = {
        "날짜 date",
        "시작 start",
        "큐 queue",
        "예측 인입 forecast contacts",
        "AHT (s)",
        "필요 상담사 agents",
        "배치 인원 headcount",
        "서비스 레벨 service level",
        "ASA (s)"
    };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PlanExport() {}

    static String fileName(Plan plan, String extension) {
        return "staffing-plan-%s-%s-%dd.%s".formatted(plan.queue(), plan.firstDay(), plan.days(), extension);
    }

    static void csv(Plan plan, PrintWriter out) {
        out.print('\uFEFF');
        out.println(String.join(",", COLUMNS));
        for (PlanRow row : plan.rows()) {
            out.println(String.join(
                    ",",
                    row.intervalStart().format(DAY),
                    row.intervalStart().format(TIME),
                    plan.queue(),
                    format(row.contacts(), 1),
                    format(row.handlingSeconds(), 1),
                    String.valueOf(row.agents()),
                    String.valueOf(row.headcount()),
                    row.serviceLevel() == null ? "" : format(row.serviceLevel(), 4),
                    row.averageSpeedOfAnswerSeconds() == null ? "" : format(row.averageSpeedOfAnswerSeconds(), 1)));
        }
        out.flush();
    }

    static void excel(Plan plan, OutputStream out) throws IOException {
        try (var workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("plan " + plan.firstDay());
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            Row header = sheet.createRow(0);
            for (int column = 0; column < COLUMNS.length; column++) {
                header.createCell(column).setCellValue(COLUMNS[column]);
            }
            int number = 1;
            for (PlanRow row : plan.rows()) {
                Row line = sheet.createRow(number++);
                line.createCell(0).setCellValue(row.intervalStart().format(DAY));
                line.createCell(1).setCellValue(row.intervalStart().format(TIME));
                line.createCell(2).setCellValue(plan.queue());
                line.createCell(3).setCellValue(row.contacts());
                line.getCell(3).setCellStyle(decimal);
                line.createCell(4).setCellValue(row.handlingSeconds());
                line.getCell(4).setCellStyle(decimal);
                line.createCell(5).setCellValue(row.agents());
                line.createCell(6).setCellValue(row.headcount());
                if (row.serviceLevel() != null) {
                    line.createCell(7).setCellValue(row.serviceLevel());
                    line.getCell(7).setCellStyle(percent);
                }
                if (row.averageSpeedOfAnswerSeconds() != null) {
                    line.createCell(8).setCellValue(row.averageSpeedOfAnswerSeconds());
                    line.getCell(8).setCellStyle(decimal);
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
