package org.reluscope.report;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.InstanceResult;

/**
 * A batch as JUnit XML, the report format CI servers (Jenkins, GitLab, GitHub actions) show
 * as a test run: one {@code <testcase>} per instance, {@code classname} the network file and
 * {@code name} the property file and the instance's index (so that names are unique,
 * e.g. {@code prop_1.vnnlib #3}), {@code time} the verification seconds. An answer that
 * contradicts the expected one is a {@code <failure>}; an instance that could not be run or
 * whose witness failed the re-check is an {@code <error>};
 * {@code unknown} and {@code timeout} are {@code <skipped>} with the reason, because the
 * property was neither proven nor refuted — CI shows them as not verified instead of green.
 * {@code sat} and {@code unsat} pass; every test case carries its answer in
 * {@code <system-out>}.
 */
public final class BatchJunit {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private BatchJunit() {
    }

    /** The XML document of a batch named {@code suite}. */
    public static String toText(String suite, List<InstanceResult> results) {
        BatchSummary s = BatchSummary.of(results);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", xmlText(suite));
            xml.writeAttribute("tests", Integer.toString(s.total()));
            xml.writeAttribute("failures", Integer.toString(s.wrong()));
            xml.writeAttribute("errors", Integer.toString(s.errors()));
            xml.writeAttribute("skipped", Integer.toString(s.unknown() + s.timeout()));
            xml.writeAttribute("time", seconds(results.stream().mapToDouble(InstanceResult::seconds).sum()));
            xml.writeCharacters("\n");
            for (InstanceResult r : results) {
                testcase(xml, r);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string failed", e);
        }
        return text.toString();
    }

    /** Writes {@link #toText} to {@code file} atomically. */
    public static void write(Path file, String suite, List<InstanceResult> results) {
        AtomicFiles.write(file, toText(suite, results));
    }

    private static void testcase(XMLStreamWriter xml, InstanceResult r) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlText(r.instance().networkName()));
        xml.writeAttribute("name", xmlText(r.instance().propertyName() + " #" + r.index()));
        xml.writeAttribute("time", seconds(r.seconds()));
        String expected = r.expectation().map(Answer::word).orElse("none");
        if (r.wrong()) {
            element(xml, "failure", "answered " + r.answer().word() + " but the expected answer is " + expected,
                    "wrong-answer");
        } else if (r.answer() == Answer.ERROR) {
            element(xml, "error", r.detail(), "error");
        } else if (!r.answer().isDecisive()) {
            element(xml, "skipped", r.answer().word() + (r.detail().isEmpty() ? "" : ": " + r.detail()), null);
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(xmlText(String.format(Locale.ROOT, "answer %s, expected %s, %s s (limit %s s)%s",
                r.answer().word(), expected, seconds(r.seconds()), seconds(r.timeLimit()),
                r.detail().isEmpty() ? "" : ", " + r.detail())));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void element(XMLStreamWriter xml, String name, String message, String type)
            throws XMLStreamException {
        xml.writeEmptyElement(name);
        xml.writeAttribute("message", xmlText(message));
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** {@code text} with the characters XML 1.0 forbids (control characters, lone surrogates) replaced by '?'. */
    private static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : '?'));
        return out.toString();
    }
}
