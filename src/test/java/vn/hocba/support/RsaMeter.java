package vn.hocba.support;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * Counts this JVM's RSA private-key operations and the time spent inside them (benchmarks only, issue 19): every
 * signature by a development key, every in-process time-stamp, OCSP answer and audit checkpoint is one, and together
 * they are the part of a run that no change of ours can remove. Installed by a benchmark when asked
 * ({@code -Dhocba.bench.rsa-meter=true}): the JDK's {@code RSACore.rsa(byte[], RSAPrivateKey, boolean)} and Bouncy
 * Castle's {@code RSABlindedEngine.processBlock} (with a private key) get a few instructions around them. The counters
 * live in the system properties because the JDK's own class, loaded by the boot loader, can see only the JDK's
 * classes. The time is elapsed time (an operation is ≈ 0.7 ms; a thread descheduled inside one makes it longer), so
 * {@link #count} times one operation's CPU, measured alone, is the figure to trust; the elapsed sum is a check.
 */
public final class RsaMeter {

    /** Whether the benchmark should install the meter. */
    public static final boolean WANTED = Boolean.getBoolean("hocba.bench.rsa-meter");

    static final String COUNTERS = "hocba.bench.rsa-meter.counters";
    static final String CALLS = "hocba.bench.rsa-meter.calls";

    private final AtomicLongArray counters;

    private RsaMeter(AtomicLongArray counters) {
        this.counters = counters;
    }

    /** Instruments the two RSA implementations (attaching an agent to this JVM) and returns the meter. */
    public static RsaMeter install() {
        AtomicLongArray counters = new AtomicLongArray(2);
        System.getProperties().put(COUNTERS, counters);
        System.getProperties().put(CALLS, new ConcurrentHashMap<String, AtomicLong>());
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .ignore(none())
                .type(named("sun.security.rsa.RSACore"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(JdkPrivate.class)
                        .on(named("rsa").and(takesArguments(3))
                                .and(takesArgument(1, named("java.security.interfaces.RSAPrivateKey"))))))
                .type(named("vn.hocba.pades.devpki.InProcessTimeStampAuthority"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Calls.class)
                        .on(named("timeStamp").and(takesArguments(2)).or(named("respond")))))
                .type(named("vn.hocba.pades.devpki.InProcessRevocation"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Calls.class)
                        .on(named("ocsp").or(named("respond")).or(named("crl")))))
                .type(named("org.bouncycastle.crypto.engines.RSABlindedEngine"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(BouncyCastlePrivate.class)
                        .on(named("processBlock"))))
                .installOn(ByteBuddyAgent.install());
        return new RsaMeter(counters);
    }

    /** The private-key operations so far. */
    public long count() {
        return counters.get(0);
    }

    /**
     * What the development PKI's stand-ins have answered so far, by method ({@code InProcessTimeStampAuthority.timeStamp}:
     * time-stamp tokens; {@code InProcessRevocation.ocsp}, {@code .respond}: OCSP answers; {@code .crl}: CRLs): the
     * work a remote TSA and CA do in production.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> standInCalls() {
        Map<String, Long> calls = new TreeMap<>();
        ((Map<String, AtomicLong>) System.getProperties().get(CALLS)).forEach((k, v) -> calls.put(k, v.get()));
        return calls;
    }

    /** The elapsed seconds inside them so far. */
    public double seconds() {
        return counters.get(1) / 1e9;
    }

    /**
     * The CPU milliseconds of one SHA256withRSA signature by a 2048-bit key on this thread, measured now (after 100
     * not counted, the median of five rounds of 100): the cost of one counted operation on this machine.
     */
    public static double cpuMillisOfOne() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Signature signature = Signature.getInstance("SHA256withRSA");
            byte[] data = new byte[32];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] rounds = new double[6];
            for (int round = 0; round < rounds.length; round++) {
                long started = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 100; i++) {
                    signature.initSign(keys.getPrivate());
                    signature.update(data);
                    signature.sign();
                }
                rounds[round] = (threads.getCurrentThreadCpuTime() - started) / 100 / 1e6;
            }
            double[] counted = Arrays.copyOfRange(rounds, 1, rounds.length);
            Arrays.sort(counted);
            return counted[counted.length / 2];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inlined into the JDK's {@code RSACore}: only java.base types. */
    static final class JdkPrivate {
        @Advice.OnMethodEnter
        static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter long started) {
            Object counters = System.getProperties().get("hocba.bench.rsa-meter.counters");
            if (counters instanceof AtomicLongArray c) {
                c.incrementAndGet(0);
                c.addAndGet(1, System.nanoTime() - started);
            }
        }
    }

    /** Inlined into the development PKI's stand-ins: counts calls by class and method name (java.base types only). */
    static final class Calls {
        @Advice.OnMethodExit(onThrowable = Throwable.class)
        @SuppressWarnings("unchecked")
        static void exit(@Advice.Origin("#t.#m") String method) {
            Object calls = System.getProperties().get("hocba.bench.rsa-meter.calls");
            if (calls instanceof ConcurrentHashMap<?, ?> any) {
                // no lambda here: this code is copied into the instrumented class, its lambda body would not be
                ConcurrentHashMap<String, AtomicLong> map = (ConcurrentHashMap<String, AtomicLong>) any;
                String key = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
                map.putIfAbsent(key, new AtomicLong());
                map.get(key).incrementAndGet();
            }
        }
    }

    /** Inlined into Bouncy Castle's {@code RSABlindedEngine}: counts only what its private key does. */
    static final class BouncyCastlePrivate {
        @Advice.OnMethodEnter
        static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter long started, @Advice.FieldValue("key") RSAKeyParameters key) {
            Object counters = System.getProperties().get("hocba.bench.rsa-meter.counters");
            if (key != null && key.isPrivate() && counters instanceof AtomicLongArray c) {
                c.incrementAndGet(0);
                c.addAndGet(1, System.nanoTime() - started);
            }
        }
    }
}
