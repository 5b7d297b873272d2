"""Writes assets/bench/matmul.onnx: one MatMul of two float32 inputs [M,K] x [K,N], all dimensions
dynamic. `neko bench` runs it in onnxruntime with the engine's session options to measure this
machine's matrix-product rate, the limit the corrector's own rate is reported against.

    /usr/bin/python3 -m training.tools.matmul_probe assets/bench/matmul.onnx
"""

import sys

import onnx
from onnx import TensorProto, helper


def main() -> None:
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["a", "b"], ["product"])],
        "matmul_probe",
        [
            helper.make_tensor_value_info("a", TensorProto.FLOAT, ["m", "k"]),
            helper.make_tensor_value_info("b", TensorProto.FLOAT, ["k", "n"]),
        ],
        [helper.make_tensor_value_info("product", TensorProto.FLOAT, ["m", "n"])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="neko")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[1])


if __name__ == "__main__":
    main()
