# A model small enough to train for a few seconds in tests (training/tests/test_export_e2e.py).
vocab_size = 400
d_model = 32
n_heads = 2
n_encoder_layers = 1
n_decoder_layers = 1
d_ff = 32
tokens_per_batch = 1200
learning_rate = 3e-3
warmup_steps = 10
max_steps = 60
log_interval = 20
eval_interval = 30
dev_examples = 40
run_name = "tiny"
