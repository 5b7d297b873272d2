// Runs one ONNX model in onnxruntime-node (CPU) for export.py's parity check, since onnxruntime is
// only available from Node here.
//   node training/ort_run.mjs MODEL.onnx INPUTS.json OUTPUTS.json
// Tensors travel as {"type": "int64"|"float32", "dims": [...], "data": base64 of little-endian bytes}.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import ort from 'onnxruntime-node';

const [modelPath, inputsPath, outputsPath] = process.argv.slice(2);
if (!outputsPath) {
  console.error('usage: node training/ort_run.mjs MODEL.onnx INPUTS.json OUTPUTS.json');
  process.exit(2);
}

const arrayTypes = { int64: BigInt64Array, float32: Float32Array };

function toTensor({ type, dims, data }) {
  const bytes = Buffer.from(data, 'base64');
  const ArrayType = arrayTypes[type];
  const array = new ArrayType(bytes.buffer, bytes.byteOffset, bytes.byteLength / ArrayType.BYTES_PER_ELEMENT);
  return new ort.Tensor(type, array.slice(), dims);
}

function fromTensor(tensor) {
  const data = tensor.data;
  return {
    type: tensor.type,
    dims: Array.from(tensor.dims),
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
  };
}

const session = await ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'] });
const inputs = JSON.parse(readFileSync(inputsPath, 'utf8'));
const feeds = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, toTensor(value)]));
const results = await session.run(feeds);
const outputs = Object.fromEntries(Object.entries(results).map(([name, tensor]) => [name, fromTensor(tensor)]));
writeFileSync(`${outputsPath}.tmp`, JSON.stringify(outputs));
renameSync(`${outputsPath}.tmp`, outputsPath);
