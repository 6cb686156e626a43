package vn.hocba.workflow;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A class's processes as pictures: the shapes and edges of each model's BPMN diagram (its DI coordinates,
 * as drawn in Camunda Modeler) with each step marked done, current or still to come, from the engine's
 * history of that class's latest instance. The web module draws them as SVG; nothing here is Camunda-shaped.
 */
@Service
@Transactional(readOnly = true)
public class ProcessPictures {

    /** Where a step stands in the class's instance. */
    public enum StepState { DONE, CURRENT, TODO }

    /** A shape: a task, event or gateway (kind: "task", "event", "gateway", "subprocess"), its box and label lines. */
    public record Shape(String id, String kind, List<String> label, double x, double y, double width, double height,
            StepState state) {
    }

    /** An edge as its waypoints ("x,y x,y …"), taken when both its ends have run. */
    public record Edge(String points, boolean taken) {
    }

    /** One process of the class: title, diagram size, shapes, edges, and whether an instance exists or ended. */
    public record Picture(String title, double width, double height, List<Shape> shapes, List<Edge> edges,
            boolean started, boolean ended) {
    }

    private final HistoryService history;
    private final RuntimeService runtime;
    private final java.util.Map<String, BpmnModelInstance> models = new java.util.concurrent.ConcurrentHashMap<>();

    public ProcessPictures(HistoryService history, RuntimeService runtime) {
        this.history = history;
        this.runtime = runtime;
    }

    /** The class's term closes, year end and year documents, in the order of the school year. */
    public List<Picture> of(long classId) {
        return List.of(
                picture("Chốt học kì I", "term-close.bpmn", TermCloseModel.businessKey(classId, 1)),
                picture("Chốt học kì II", "term-close.bpmn", TermCloseModel.businessKey(classId, 2)),
                picture("Xét lên lớp cuối năm", "year-end.bpmn", YearEndModel.businessKey(classId)),
                picture("Ký số văn bản cả năm", "class-documents.bpmn", ClassDocumentsModel.businessKey(classId)));
    }

    private Picture picture(String title, String resource, String businessKey) {
        BpmnModelInstance model = model(resource);
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        Set<String> done = new HashSet<>();
        Set<String> current = new HashSet<>();
        if (instance != null) {
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list()) {
                (a.getEndTime() == null ? current : done).add(a.getActivityId());
            }
            if (instance.getEndTime() == null && runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                current.addAll(runtime.getActiveActivityIds(instance.getId()));
            }
        }
        List<Shape> shapes = new ArrayList<>();
        double width = 0;
        double height = 0;
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            Bounds b = shape.getBounds();
            StepState state = current.contains(element.getId()) ? StepState.CURRENT
                    : done.contains(element.getId()) ? StepState.DONE : StepState.TODO;
            shapes.add(new Shape(element.getId(), kind(element), label(element), b.getX(), b.getY(), b.getWidth(),
                    b.getHeight(), state));
            width = Math.max(width, b.getX() + b.getWidth());
            height = Math.max(height, b.getY() + b.getHeight());
        }
        Set<String> ran = new HashSet<>(done);
        ran.addAll(current);
        List<Edge> edges = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint w : edge.getWaypoints()) {
                points.append(w.getX()).append(',').append(w.getY()).append(' ');
                width = Math.max(width, w.getX());
                height = Math.max(height, w.getY());
            }
            boolean taken = edge.getBpmnElement() instanceof SequenceFlow flow && ran.contains(flow.getSource().getId())
                    && ran.contains(flow.getTarget().getId());
            edges.add(new Edge(points.toString().trim(), taken));
        }
        // Shapes inside a sub-process are drawn after it, so that they stay visible.
        shapes.sort((a, c) -> Boolean.compare(!"subprocess".equals(a.kind()), !"subprocess".equals(c.kind())));
        return new Picture(title, width + 20, height + 40, shapes, edges, instance != null,
                instance != null && instance.getEndTime() != null);
    }

    private static String kind(BaseElement element) {
        String type = element.getElementType().getTypeName();
        if (type.endsWith("Gateway")) {
            return "gateway";
        }
        if (type.endsWith("Event")) {
            return "event";
        }
        return type.equals("subProcess") ? "subprocess" : "task";
    }

    /** The element's name cut into lines of about 20 characters (SVG text does not wrap). */
    private static List<String> label(BaseElement element) {
        String name = element instanceof FlowNode node && node.getName() != null ? ProcessStepNames.shown(node.getName()) : "";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.split("\\s+")) {
            if (line.length() > 0 && line.length() + word.length() > 20) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private BpmnModelInstance model(String resource) {
        return models.computeIfAbsent(resource, ProcessPictures::read);
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream in = ProcessPictures.class.getResourceAsStream("/processes/" + resource)) {
            return Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
