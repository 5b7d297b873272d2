# Training on a 2-core CPU (Debian torch 1.13 + OpenBLAS), in neko-small's shape (train.py's NEKO_SMALL).
# The shipped model's CPU fine-tune (run cpu-ft) started from it with the options in training/README.md.
run_name = "cpu"
nbest_max = 3  # the N-best lists differ little; a 4th and 5th hypothesis cost more source tokens than they add
max_source_tokens = 160
max_target_tokens = 96
tokens_per_batch = 4000
learning_rate = 1e-3
warmup_steps = 200
schedule_minutes = 120.0  # the cosine follows training time: the run is stopped by the clock, not by a step count
max_steps = 1000000
eval_interval = 150
threads = 2
