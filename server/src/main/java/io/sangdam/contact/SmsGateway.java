package io.sangdam.contact;

/**
 * Sends a text message to a phone: the border to an SMS provider (문자 발송 대행사), which Sangdam
 * cannot reach from a test. No real gateway is built yet; {@link LoggingSmsGatewayFake} stands in
 * where one is switched on for trying the one-time code. Without any, one-time codes are unavailable.
 */
interface SmsGateway {

    /** @param mobilePhone in the clear: only this border may see it */
    void send(String mobilePhone, String text);
}
