# neko-small's shape (train.py's NEKO_SMALL, so that the shipped model stays fast on a CPU) trained on
# one CUDA GPU (torch 2.x, bf16 autocast): a 6x larger batch, four passes over the data instead of one,
# so dropout. The shipped model started as this run (gpu-b), then was fine-tuned (MODEL_CARD.md).
run_name = "gpu"
tokenizer_file = "assets/models/neko-small/tokenizer.json"
nbest_max = 3
max_source_tokens = 160
max_target_tokens = 96
dropout = 0.1
router_task_loss = 0.01  # the 0.84M-token ablation favoured 0.01 over 0.1 (MODEL_CARD.md)
oversample_real = 1  # 3 made OCR worse on dev (MODEL_CARD.md, run gpu-a)
tokens_per_batch = 24000
learning_rate = 1e-3
warmup_steps = 400
schedule_minutes = 5.5  # of training time on an H200 shared by four runs: about 49M tokens
max_steps = 1000000
eval_interval = 500
dev_examples = 2000
threads = 2
