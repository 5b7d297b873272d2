# A bigger model for a CUDA GPU (torch 2.x, bf16 autocast); same data and tokenizer settings as the CPU run.
run_name = "gpu"
d_model = 512
n_heads = 8
n_encoder_layers = 6
n_decoder_layers = 6
d_ff = 1024
n_experts = 6
experts = "asr,ocr,text,general1,general2,general3"
tokens_per_batch = 60000
learning_rate = 7e-4
warmup_steps = 1000
max_steps = 40000
eval_interval = 1000
dev_examples = 3000
