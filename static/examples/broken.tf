# An HTTP API behind CloudFront, written in a hurry.

variable "api_id" {
  type = string
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  comment = "payments API"

  origin {
    origin_id   = "payments"
    domain_name = "https://${var.api_id}.execute-api.us-east-1.amazonaws.com/$default"
    origin_path = "/$default"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["SSLv3", "TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "payments"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]

    forwarded_values {
      query_string = false
      headers      = ["Host"]
      cookies {
        forward = "none"
      }
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
