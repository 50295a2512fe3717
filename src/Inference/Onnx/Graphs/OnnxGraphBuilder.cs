namespace Sora.Inference.Onnx.Graphs;

/// <summary>
/// Writes a small ONNX model (one graph, float32/int64 tensors) without any ONNX tooling: enough for the CUDA probe's
/// one-node model and for tests that build the tiny models they run. Field numbers are those of onnx.proto.
/// </summary>
public sealed class OnnxGraphBuilder(string name, int opset = 17)
{
    /// <summary>The element types this builder writes (TensorProto.DataType).</summary>
    public enum ElementType
    {
        Float = 1,
        Int32 = 6,
        Int64 = 7,
    }

    private readonly List<Action<ProtobufWriter>> _inputs = [], _outputs = [], _nodes = [], _initializers = [];
    private readonly Dictionary<string, string> _metadata = [];
    private int _nodeCount;

    /// <summary>A graph input; a dimension is a size, or a name for a size chosen at run time.</summary>
    public OnnxGraphBuilder Input(string input, ElementType type, params object[] dims)
    {
        _inputs.Add(w => w.Message(11, v => ValueInfo(v, input, type, dims)));
        return this;
    }

    public OnnxGraphBuilder Output(string output, ElementType type, params object[] dims)
    {
        _outputs.Add(w => w.Message(12, v => ValueInfo(v, output, type, dims)));
        return this;
    }

    public OnnxGraphBuilder Constant(string tensor, long[] dims, float[] values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        _initializers.Add(w => w.Message(5, t => Tensor(t, tensor, ElementType.Float, dims, raw)));
        return this;
    }

    public OnnxGraphBuilder Constant(string tensor, long[] dims, long[] values)
    {
        var raw = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        _initializers.Add(w => w.Message(5, t => Tensor(t, tensor, ElementType.Int64, dims, raw)));
        return this;
    }

    /// <summary>One operator; attribute values may be long, float, long[] or string.</summary>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var nodeName = $"{opType.ToLowerInvariant()}_{_nodeCount++}";
        _nodes.Add(w => w.Message(1, n =>
        {
            foreach (var input in inputs) n.String(1, input);
            foreach (var output in outputs) n.String(2, output);
            n.String(3, nodeName).String(4, opType);
            foreach (var (attribute, value) in attributes) n.Message(5, a => Attribute(a, attribute, value));
        }));
        return this;
    }

    /// <summary>A key of the model's metadata_props, which ONNX Runtime reports as custom metadata.</summary>
    public OnnxGraphBuilder Metadata(string key, string value)
    {
        _metadata[key] = value;
        return this;
    }

    public byte[] ToBytes()
    {
        var model = new ProtobufWriter()
            .Int(1, 8) // ir_version
            .String(2, "sora")
            .Message(7, graph =>
            {
                foreach (var node in _nodes) node(graph);
                graph.String(2, name);
                foreach (var initializer in _initializers) initializer(graph);
                foreach (var input in _inputs) input(graph);
                foreach (var output in _outputs) output(graph);
            })
            .Message(8, o => o.String(1, "").Int(2, opset));
        foreach (var (key, value) in _metadata) model.Message(14, m => m.String(1, key).String(2, value));
        return model.ToArray();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    private static void ValueInfo(ProtobufWriter info, string valueName, ElementType type, object[] dims)
    {
        info.String(1, valueName).Message(2, typeProto => typeProto.Message(1, tensor =>
        {
            tensor.Int(1, (int)type);
            tensor.Message(2, shape =>
            {
                foreach (var dim in dims)
                    shape.Message(1, d =>
                    {
                        if (dim is string symbol) d.String(2, symbol);
                        else d.Int(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                    });
            });
        }));
    }

    private static void Tensor(ProtobufWriter tensor, string tensorName, ElementType type, long[] dims, byte[] raw)
    {
        foreach (var dim in dims) tensor.Int(1, dim);
        tensor.Int(2, (int)type).String(8, tensorName).Bytes(9, raw);
    }

    // AttributeProto.type: FLOAT 1, INT 2, STRING 3, INTS 7.
    private static void Attribute(ProtobufWriter attribute, string attributeName, object value)
    {
        attribute.String(1, attributeName);
        switch (value)
        {
            case float f: attribute.Float(2, f).Int(20, 1); break;
            case long or int: attribute.Int(3, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)).Int(20, 2); break;
            case string s: attribute.String(4, s).Int(20, 3); break;
            case long[] ints:
                foreach (var i in ints) attribute.Int(8, i);
                attribute.Int(20, 7);
                break;
            default: throw new ArgumentException($"attribute {attributeName}: {value.GetType().Name} values are not supported", nameof(value));
        }
    }
}
