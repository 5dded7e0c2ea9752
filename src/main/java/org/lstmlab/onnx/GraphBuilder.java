package org.lstmlab.onnx;

import org.lstmlab.recipe.Versions;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A thin ONNX graph builder written directly on the protobuf classes of tribuo-util-onnx.
 * Every op returns the name of its output; names are unique across a graph and its Scan bodies (shared counter).
 */
final class GraphBuilder {
    static final int OPSET = 17;
    static final int IR_VERSION = 8;
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE, DOUBLE = TensorProto.DataType.DOUBLE_VALUE,
            INT64 = TensorProto.DataType.INT64_VALUE, INT32 = TensorProto.DataType.INT32_VALUE;

    private final GraphProto.Builder graph;
    private final String prefix;
    private final int[] counter;
    private final Set<String> inputsAndOutputs = new HashSet<>();

    GraphBuilder(String name) { this(name, "", new int[1]); }

    private GraphBuilder(String name, String prefix, int[] counter) {
        this.graph = GraphProto.newBuilder().setName(name);
        this.prefix = prefix;
        this.counter = counter;
    }

    /** A builder for a Scan/Loop body; it may read values of this graph by name (outer scope). */
    GraphBuilder body(String name) { return new GraphBuilder(name, prefix + name + "/", counter); }

    // ---- graph interface -------------------------------------------------------------------------------------

    /** Declares a graph input; dims are Integer (fixed) or String (symbolic); no dims = shape left unknown. */
    String input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        inputsAndOutputs.add(name);
        return name;
    }

    /** Declares {@code value} as a graph output named {@code name} (through an Identity when the names differ). */
    void output(String name, String value, int elemType, Object... dims) {
        if (!name.equals(value)) node("Identity", new String[] {value}, new String[] {name});
        graph.addOutput(valueInfo(name, elemType, dims));
        inputsAndOutputs.add(name);
    }

    /** Declares a body output under a fresh name, so that a value can be output twice or be an input passed on. */
    String output(String value, int elemType) {
        String name = inputsAndOutputs.contains(value) ? fresh() : value;
        output(name, value, elemType);
        return name;
    }

    /** Float body outputs, in order (see {@link #output(String, int)}). */
    void outputs(String... values) {
        for (String v : values) output(v, FLOAT);
    }

    void initializer(String name, float[] data, long... dims) { graph.addInitializer(floatTensor(name, data, dims)); }

    // ---- ops -------------------------------------------------------------------------------------------------

    String op(String type, String[] inputs, AttributeProto... attrs) { return ops(type, 1, inputs, attrs)[0]; }

    String[] ops(String type, int outputs, String[] inputs, AttributeProto... attrs) {
        String[] outs = new String[outputs];
        for (int k = 0; k < outputs; k++) outs[k] = fresh();
        node(type, inputs, outs, attrs);
        return outs;
    }

    void node(String type, String[] inputs, String[] outputs, AttributeProto... attrs) {
        graph.addNode(NodeProto.newBuilder().setOpType(type).setName(prefix + type + "_" + counter[0]++)
                .addAllInput(Arrays.asList(inputs)).addAllOutput(Arrays.asList(outputs))
                .addAllAttribute(Arrays.asList(attrs)));
    }

    String add(String a, String b) { return op("Add", new String[] {a, b}); }
    String sub(String a, String b) { return op("Sub", new String[] {a, b}); }
    String mul(String a, String b) { return op("Mul", new String[] {a, b}); }
    String div(String a, String b) { return op("Div", new String[] {a, b}); }
    String matMul(String a, String b) { return op("MatMul", new String[] {a, b}); }
    String unary(String type, String a) { return op(type, new String[] {a}); }
    String cast(String a, int to) { return op("Cast", new String[] {a}, attr("to", to)); }
    String transpose(String a, long... perm) { return op("Transpose", new String[] {a}, attr("perm", perm)); }
    String reshape(String a, long... shape) { return op("Reshape", new String[] {a, longs(shape)}); }
    String unsqueeze(String a, long... axes) { return op("Unsqueeze", new String[] {a, longs(axes)}); }
    String squeeze(String a, long... axes) { return op("Squeeze", new String[] {a, longs(axes)}); }
    String concat(long axis, String... parts) { return op("Concat", parts, attr("axis", axis)); }
    String reduceSum(String a, long... axes) { return op("ReduceSum", new String[] {a, longs(axes)}, attr("keepdims", 0)); }
    String gemm(String a, String b, boolean transA, boolean transB) {
        return op("Gemm", new String[] {a, b}, attr("transA", transA ? 1 : 0), attr("transB", transB ? 1 : 0));
    }
    /** Element {@code index} of a 1-D tensor, as a scalar. */
    String at(String a, long index) { return op("Gather", new String[] {a, scalarLong(index)}); }

    // ---- constants -------------------------------------------------------------------------------------------

    String scalar(float v) { return constant(floatTensor(null, new float[] {v})); }
    String scalar(double v) { return constant(TensorProto.newBuilder().setDataType(DOUBLE).addDoubleData(v).build()); }
    String scalarLong(long v) { return constant(TensorProto.newBuilder().setDataType(INT64).addInt64Data(v).build()); }
    String longs(long... v) {
        return constant(TensorProto.newBuilder().setDataType(INT64).addDims(v.length).addAllInt64Data(boxed(v))
                .build());
    }

    private String constant(TensorProto t) { return op("Constant", new String[0], attr("value", t)); }

    static TensorProto floatTensor(String name, float[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(FLOAT).addAllDims(boxed(dims));
        if (name != null) t.setName(name);
        for (float v : data) t.addFloatData(v);
        return t.build();
    }

    // ---- attributes ------------------------------------------------------------------------------------------

    static AttributeProto attr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
    }
    static AttributeProto attr(String name, long... v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS).addAllInts(boxed(v)).build();
    }
    static AttributeProto attr(String name, String... v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRINGS)
                .addAllStrings(Arrays.stream(v).map(ByteString::copyFromUtf8).toList()).build();
    }
    static AttributeProto attr(String name, TensorProto t) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(t).build();
    }
    static AttributeProto attr(String name, GraphBuilder body) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.GRAPH).setG(body.graph).build();
    }

    // ---- model -----------------------------------------------------------------------------------------------

    byte[] toModel(Map<String, String> metadata) {
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .setProducerName("lstm-lab").setProducerVersion(Versions.current().lstmLab())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        for (Map.Entry<String, String> e : metadata.entrySet())
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        return m.build().toByteArray();
    }

    private static List<Long> boxed(long[] v) { return Arrays.stream(v).boxed().toList(); }

    String fresh() { return prefix + "v" + counter[0]++; }

    private static TensorShapeProto.Dimension dim(Object d) {
        TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
        return (d instanceof Number n ? b.setDimValue(n.longValue()) : b.setDimParam(String.valueOf(d))).build();
    }

    private static ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(elemType);
        if (dims.length > 0)
            t.setShape(TensorShapeProto.newBuilder().addAllDim(Arrays.stream(dims).map(GraphBuilder::dim).toList()));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }
}
