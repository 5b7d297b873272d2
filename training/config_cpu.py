# The shipped model, trained on this machine's 2 CPU cores (Debian torch 1.13 + OpenBLAS).
run_name = "cpu"
d_model = 256
n_heads = 4
n_encoder_layers = 3
n_decoder_layers = 3
d_ff = 512
n_experts = 4
experts = "asr,ocr,text,general"
tokens_per_batch = 6000
learning_rate = 1e-3
warmup_steps = 300
max_steps = 12000
eval_interval = 250
threads = 2
