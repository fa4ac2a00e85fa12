package io.sangdam.bench.protection;

import io.sangdam.engine.protection.Detection;
import io.sangdam.engine.protection.Lexicon;
import io.sangdam.engine.protection.LexiconDetector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Messages classified per second on one thread (so: per core) with the full default lexicon. The
 * messages are the mix a chat channel sees: mostly short everyday questions (10 to 80 characters),
 * some long complaints (about 250), about one in five abusive, a few with Latin letters (which are
 * read a second time as 2-set keyboard input) and emoji. Each invocation classifies the next
 * message of the mix, so the figure is an average over the mix, not the best case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class AbuseDetectionBenchmark {

    private static final List<String> MIX = List.of(
            "안녕하세요 주문한 상품이 아직 도착하지 않았어요",
            "배송 조회가 안 되는데 확인 부탁드립니다",
            "환불 요청했는데 아직 입금이 안 됐어요",
            "이번 달 요금이 왜 이렇게 많이 나왔는지 궁금해요",
            "네 알겠습니다",
            "감사합니다 ㅎㅎ",
            "카드 다시 발급해 주세요",
            "비밀번호를 잊어버렸어요 본인인증 문자가 안 와요",
            "오후 2시 발송이라고 했는데 아직이에요 😢",
            "세탁기 배수가 안 돼요 에러코드 OE 떠요",
            "my order has not arrived yet, can you check?",
            "시발점이 어디인가요? 노선도 보고 있어요",
            "너무 화가 나네요 이게 말이 됩니까",
            "아 씨발 진짜 짜증나네 언제 오는데",
            "tlqkf 왜 안 되는데",
            "목소리 섹시하네 남친 있어요?",
            "찾아가서 가만 안 둔다",
            "이 멍청한 상담원아 몇 번을 말해",
            "지난주 화요일에 주문한 겨울 패딩이 아직도 배송 준비 중으로 나와요. 처음에는 3일 안에 온다고 "
                    + "하셨고, 어제 전화했을 때는 오늘 출고된다고 하셨는데 아직도 그대로예요. 다음 주에 여행을 가야 해서 "
                    + "꼭 필요한 옷이거든요. 오늘 안에 출고가 안 되면 주문 취소하고 환불 받고 싶습니다. 환불은 카드 "
                    + "취소로 되는지, 포인트로 결제한 부분은 어떻게 되는지도 같이 알려 주세요. 답변 기다리겠습니다.",
            "요금제를 변경하려고 앱에 들어갔는데 로그인하면 자꾸 오류가 떠요. 비밀번호도 바꿔 봤고 앱도 지웠다가 "
                    + "다시 깔았는데 똑같아요. 고객센터 전화는 30분째 대기 중이고 채팅도 겨우 연결됐네요. 가족 결합 "
                    + "할인도 같이 신청하고 싶은데 명의가 남편 이름으로 되어 있어서 어떤 서류가 필요한지 알려 주시면 "
                    + "감사하겠습니다. ㅠㅠ 정말 답답해서 미치겠어요.",
            "정수기 필터 교체 주기가 어떻게 되나요",
            "쓰레기 같은 서비스네요 진짜",
            "새끼손가락이 문에 끼었어요 보상 되나요",
            "ㅋㅋㅋㅋ 네 감사해요 👍👍");

    private LexiconDetector detector;
    private String hundredKilobytes;
    private Lexicon lexicon;
    private int next;

    @Setup
    public void prepare() {
        lexicon = Lexicon.defaults();
        detector = new LexiconDetector(lexicon);
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; transcript.length() < 100_000; i++) {
            transcript.append(MIX.get(i % MIX.size())).append('\n');
        }
        hundredKilobytes = transcript.toString();
        long abusive = MIX.stream()
                .filter(message -> detector.detect(message).abusive())
                .count();
        double averageLength = MIX.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(
                "%nmix: %d messages, %d abusive, average length %.0f chars; lexicon: %d terms, %d allowed"
                        + " phrases%n",
                MIX.size(),
                abusive,
                averageLength,
                lexicon.terms().size(),
                lexicon.allowedPhrases().size());
    }

    /** One message of the mix per call: the figure is messages per second on one thread. */
    @Benchmark
    public Detection classifyMessage() {
        String message = MIX.get(next);
        next = next + 1 == MIX.size() ? 0 : next + 1;
        return detector.detect(message);
    }

    /** The bad-input case from issue 6: one 100 KB message (the mix pasted over and over). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Detection classifyHundredKilobytes() {
        return detector.detect(hundredKilobytes);
    }

    /**
     * Building a detector from the default lexicon: what saving an edited lexicon costs the server.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LexiconDetector buildDetector() {
        return new LexiconDetector(lexicon);
    }
}
